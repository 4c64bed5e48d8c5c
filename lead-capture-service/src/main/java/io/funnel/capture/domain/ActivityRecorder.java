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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        return Panache.withTransaction(() -> knownLeads(batch).chain(known -> {
            List<Activity> stored = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                stored.add(toActivity(batch, i, known, now));
            }
            return Activity.persist(stored)
                    .chain(() -> outbox.publishAll(stored.stream().map(ActivityEvents::recorded).toList()))
                    .replaceWith(() -> stored.stream().map(a -> a.id).toList());
        }));
    }

    /**
     * The leads the batch's e-mails and visitor ids are known to be, in two queries whatever the batch size: a chain
     * of one lookup per activity nests as deep as the batch is long and overflows a small thread stack.
     */
    private Uni<KnownLeads> knownLeads(List<ActivityRequest> batch) {
        Set<String> emails = new HashSet<>();
        Set<String> visitorIds = new HashSet<>();
        for (ActivityRequest request : batch) {
            if (present(request.email())) {
                emails.add(EmailNormalizer.normalize(request.email()));
            }
            if (present(request.visitorId())) {
                visitorIds.add(request.visitorId());
            }
        }
        return Lead.idsByNormalizedEmail(emails).chain(byEmail -> stitching.leadsOf(visitorIds)
                .map(byVisitor -> new KnownLeads(byEmail, byVisitor)));
    }

    private record KnownLeads(Map<String, UUID> byEmail, Map<String, UUID> byVisitor) {

        /** The lead of the e-mail, else of the visitor id, else null. */
        UUID of(ActivityRequest request) {
            UUID lead = present(request.email()) ? byEmail.get(EmailNormalizer.normalize(request.email())) : null;
            return lead != null || !present(request.visitorId()) ? lead : byVisitor.get(request.visitorId());
        }
    }

    private static Activity toActivity(List<ActivityRequest> batch, int index, KnownLeads known, Instant now) {
        ActivityRequest request = batch.get(index);
        UUID leadId = known.of(request);
        if (leadId == null && !present(request.visitorId())) {
            throw ProblemException.unprocessable(field(batch, index, "email"),
                    "no lead has this e-mail; send the visitorId instead");
        }
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.visitorId = present(request.visitorId()) ? request.visitorId() : null;
        activity.leadId = leadId;
        activity.type = request.type();
        activity.url = request.url();
        activity.contentId = request.contentId();
        activity.campaign = request.campaign();
        activity.occurredAt = request.occurredAt() != null ? request.occurredAt() : now;
        return activity;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String field(List<ActivityRequest> batch, int index, String name) {
        return batch.size() == 1 ? name : "[" + index + "]." + name;
    }
}
