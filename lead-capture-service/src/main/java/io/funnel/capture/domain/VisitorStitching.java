package io.funnel.capture.domain;

import io.funnel.capture.messaging.ActivityEvents;
import io.funnel.capture.persistence.Activity;
import io.funnel.capture.persistence.VisitorIdentity;
import io.funnel.platform.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * When a visitor identifies (a lead posted with its visitor id), its anonymous history becomes the lead's: the
 * activities get the lead id and are published again with it (same activity id), so scoring and attribution see them.
 */
@ApplicationScoped
public class VisitorStitching {

    private final Outbox outbox;

    public VisitorStitching(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Call inside the capture transaction. */
    public Uni<Void> identify(String visitorId, UUID leadId) {
        if (visitorId == null) {
            return Uni.createFrom().voidItem();
        }
        return VisitorIdentity.<VisitorIdentity>findById(visitorId).chain(known -> {
            if (known != null) {
                return Uni.createFrom().voidItem();
            }
            VisitorIdentity identity = new VisitorIdentity();
            identity.visitorId = visitorId;
            identity.leadId = leadId;
            return identity.persist().chain(() -> Activity.anonymousOf(visitorId)).chain(history -> {
                history.forEach(a -> a.leadId = leadId);
                return outbox.publishAll(history.stream().map(ActivityEvents::recorded).toList());
            });
        });
    }

    /** The leads these visitor ids are known to be; unknown ids are absent. */
    public Uni<Map<String, UUID>> leadsOf(Set<String> visitorIds) {
        if (visitorIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return VisitorIdentity.<VisitorIdentity>list("visitorId in ?1", visitorIds)
                .map(known -> known.stream().collect(Collectors.toMap(v -> v.visitorId, v -> v.leadId)));
    }
}
