package io.funnel.pipeline.messaging;

import io.funnel.events.LeadEvent.Attribution;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadErased;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.events.LeadEvent.LeadUpdated;
import io.funnel.pipeline.domain.LeadAssignment;
import io.funnel.pipeline.persistence.FreeTextErasure;
import io.funnel.pipeline.persistence.LeadRouting;
import io.funnel.platform.messaging.EventEnvelope;
import io.funnel.platform.messaging.EventInbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads {@code funnel.leads.v1} for what assignment rules route on (country and source; no personal data) and for
 * erasure requests. A lead queued before its origin was known is routed again.
 */
@ApplicationScoped
public class LeadEventsConsumer {

    public static final String CHANNEL = "leads";

    private final EventInbox inbox;
    private final LeadAssignment assignment;

    public LeadEventsConsumer(EventInbox inbox, LeadAssignment assignment) {
        this.inbox = inbox;
        this.assignment = assignment;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, this::apply);
    }

    Uni<Void> apply(EventEnvelope envelope) {
        if (envelope.event() instanceof LeadCaptured captured) {
            return record(captured.leadId(), captured.profile(), captured.attribution(), captured.occurredAt());
        }
        if (envelope.event() instanceof LeadUpdated updated) {
            return record(updated.leadId(), updated.profile(), updated.attribution(), updated.occurredAt());
        }
        if (envelope.event() instanceof LeadErased erased) {
            return FreeTextErasure.erase(erased.leadId());
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> record(UUID leadId, LeadProfile profile, Attribution attribution, Instant at) {
        String country = profile.country() == null || profile.country().isBlank() ? null
                : profile.country().strip().toUpperCase(Locale.ROOT);
        String source = attribution == null || attribution.source() == null || attribution.source().isBlank() ? null
                : attribution.source().strip();
        return LeadRouting.recordOrigin(leadId, country, source, at)
                .chain(() -> assignment.onOriginLearned(leadId));
    }
}
