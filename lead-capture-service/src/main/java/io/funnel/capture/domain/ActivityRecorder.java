package io.funnel.capture.domain;

import io.funnel.capture.api.ActivityRequest;
import io.funnel.capture.messaging.ActivityEvents;
import io.funnel.capture.persistence.Activity;
import io.funnel.capture.persistence.Lead;
import io.funnel.platform.api.ProblemException;
import io.funnel.platform.messaging.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Stores a batch of activities and publishes them, with the lead id where the visitor is already known. */
@ApplicationScoped
public class ActivityRecorder {

    /** Clocks of browsers drift; activity from further in the future than this is refused. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final Outbox outbox;
    private final VisitorStitching stitching;
    private final Clock clock;

    public ActivityRecorder(Outbox outbox, VisitorStitching stitching, Clock clock) {
        this.outbox = outbox;
        this.stitching = stitching;
        this.clock = clock;
    }

    /** All or nothing: one unusable activity refuses the batch, naming its index. */
    public Uni<List<UUID>> record(List<ActivityRequest> batch) {
        Instant now = clock.instant();
        for (int i = 0; i < batch.size(); i++) {
            Instant at = batch.get(i).occurredAt();
            if (at != null && at.isAfter(now.plus(FUTURE_TOLERANCE))) {
                throw ProblemException.unprocessable(field(batch, i, "occurredAt"), "is in the future");
            }
        }
        return Panache.withTransaction(() -> {
            List<Activity> stored = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int i = 0; i < batch.size(); i++) {
                int index = i;
                chain = chain.chain(() -> toActivity(batch, index, now)).invoke(stored::add).replaceWithVoid();
            }
            return chain.chain(() -> Activity.persist(stored))
                    .chain(() -> outbox.publishAll(stored.stream().map(ActivityEvents::recorded).toList()))
                    .replaceWith(() -> stored.stream().map(a -> a.id).toList());
        });
    }

    private Uni<Activity> toActivity(List<ActivityRequest> batch, int index, Instant now) {
        ActivityRequest request = batch.get(index);
        return resolveLead(request).map(leadId -> {
            if (leadId == null && (request.visitorId() == null || request.visitorId().isBlank())) {
                throw ProblemException.unprocessable(field(batch, index, "email"),
                        "no lead has this e-mail; send the visitorId instead");
            }
            Activity activity = new Activity();
            activity.id = UUID.randomUUID();
            activity.visitorId = request.visitorId() == null || request.visitorId().isBlank() ? null
                    : request.visitorId();
            activity.leadId = leadId;
            activity.type = request.type();
            activity.url = request.url();
            activity.contentId = request.contentId();
            activity.campaign = request.campaign();
            activity.occurredAt = request.occurredAt() != null ? request.occurredAt() : now;
            return activity;
        });
    }

    private Uni<UUID> resolveLead(ActivityRequest request) {
        if (request.email() != null && !request.email().isBlank()) {
            return Lead.findByNormalizedEmail(EmailNormalizer.normalize(request.email()))
                    .chain(lead -> lead != null ? Uni.createFrom().item(lead.id) : stitching.leadOf(request.visitorId()));
        }
        return stitching.leadOf(request.visitorId());
    }

    private static String field(List<ActivityRequest> batch, int index, String name) {
        return batch.size() == 1 ? name : "[" + index + "]." + name;
    }
}
