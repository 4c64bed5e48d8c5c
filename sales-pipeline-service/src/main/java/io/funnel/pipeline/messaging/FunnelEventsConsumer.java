package io.funnel.pipeline.messaging;

import io.funnel.events.AgreementEvent.AgreementUpdated;
import io.funnel.events.FunnelEvent;
import io.funnel.events.LeadEvent.Attribution;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadErased;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.events.LeadEvent.LeadUpdated;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.events.QualificationEvent.PersonaMatched;
import io.funnel.pipeline.domain.AgreementInForce;
import io.funnel.pipeline.domain.LeadAssignment;
import io.funnel.pipeline.persistence.FreeTextErasure;
import io.funnel.pipeline.persistence.LeadRouting;
import io.funnel.pipeline.persistence.LeadRouting.Origin;
import io.funnel.platform.messaging.EventEnvelope;
import io.funnel.platform.messaging.EventHandler;
import io.funnel.platform.messaging.EventInbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What sales work needs: MQLs and their persona ({@code funnel.qualification.v1}), what rules route on (country and
 * source; no personal data) and erasure ({@code funnel.leads.v1}; a lead queued before its origin was known is routed
 * again), and the SLA windows of the agreement in force ({@code funnel.agreements.v1}). One channel per topic, so each
 * has its own dead-letter topic.
 */
@ApplicationScoped
public class FunnelEventsConsumer {

    private final EventInbox inbox;
    private final EventHandler handler = EventHandler.eachWith(this::prepare, this::workFor);
    private final LeadAssignment assignment;
    private final AgreementInForce agreement;

    public FunnelEventsConsumer(EventInbox inbox, LeadAssignment assignment, AgreementInForce agreement) {
        this.inbox = inbox;
        this.assignment = assignment;
        this.agreement = agreement;
    }

    @Incoming("qualification")
    public Uni<Void> qualification(KafkaRecordBatch<String, String> batch) {
        return inbox.consume(batch, handler).replaceWithVoid();
    }

    @Incoming("leads")
    public Uni<Void> leads(KafkaRecordBatch<String, String> batch) {
        return inbox.consume(batch, handler).replaceWithVoid();
    }

    @Incoming("agreements")
    public Uni<Void> agreements(KafkaRecordBatch<String, String> batch) {
        return inbox.consume(batch, handler).replaceWithVoid();
    }

    /** What an event means here; null for the rest of the topics' events (scores, disqualifications...). */
    Supplier<Uni<Void>> workFor(EventEnvelope envelope) {
        FunnelEvent event = envelope.event();
        if (event instanceof LeadQualified qualified) {
            return () -> assignment.onQualified(qualified);
        }
        if (event instanceof PersonaMatched matched) {
            return () -> LeadRouting.recordPersona(matched.leadId(), matched.persona());
        }
        if (event instanceof LeadCaptured || event instanceof LeadUpdated) {
            return () -> Uni.createFrom().voidItem(); // applied with the batch's other origins, by prepare
        }
        if (event instanceof LeadErased erased) {
            return () -> FreeTextErasure.erase(erased.leadId());
        }
        if (event instanceof AgreementUpdated updated) {
            return () -> agreement.record(updated);
        }
        return null;
    }

    /** Capture's events of the batch are applied together, before the rest, with a statement or two in all. */
    Uni<Void> prepare(List<EventEnvelope> events) {
        return assignment.onOrigins(events.stream().map(envelope -> originOf(envelope.event()))
                .filter(Objects::nonNull).toList());
    }

    private static Origin originOf(FunnelEvent event) {
        if (event instanceof LeadCaptured captured) {
            return origin(captured.leadId(), captured.profile(), captured.attribution(), captured.occurredAt());
        }
        if (event instanceof LeadUpdated updated) {
            return origin(updated.leadId(), updated.profile(), updated.attribution(), updated.occurredAt());
        }
        return null;
    }

    private static Origin origin(UUID leadId, LeadProfile profile, Attribution attribution, Instant at) {
        String country = profile.country() == null || profile.country().isBlank() ? null
                : profile.country().strip().toUpperCase(Locale.ROOT);
        String source = attribution == null || attribution.source() == null || attribution.source().isBlank() ? null
                : attribution.source().strip();
        return new Origin(leadId, country, source, at);
    }
}
