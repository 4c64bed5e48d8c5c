package io.funnel.qualification.messaging;

import io.funnel.events.ActivityEvent.VisitorActivityRecorded;
import io.funnel.events.AgreementEvent.AgreementUpdated;
import io.funnel.events.FunnelEvent;
import io.funnel.events.LeadEvent;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadErased;
import io.funnel.events.LeadEvent.LeadUpdated;
import io.funnel.events.PipelineEvent.LeadAccepted;
import io.funnel.events.PipelineEvent.LeadRejected;
import io.funnel.events.PipelineEvent.OpportunityWon;
import io.funnel.platform.messaging.EventEnvelope;
import io.funnel.platform.messaging.EventHandler;
import io.funnel.platform.messaging.EventInbox;
import io.funnel.qualification.domain.LeadHistory.Outcome;
import io.funnel.qualification.domain.LeadQualifier;
import io.funnel.qualification.persistence.HistoryStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Everything that moves a score: profiles and erasure ({@code funnel.leads.v1}), identified leads' behaviour
 * ({@code funnel.activities.v1}), sales outcomes ({@code funnel.pipeline.v1}: rejections recycle, all are kept for
 * the simulation) and the MQL definition ({@code funnel.agreements.v1}). One channel per topic, so each has its own
 * dead-letter topic.
 */
@ApplicationScoped
public class FunnelEventsConsumer {

    private final EventInbox inbox;
    private final EventHandler handler = EventHandler.eachWith(this::prepare, this::workFor);
    private final LeadQualifier qualifier;
    private final HistoryStore history;

    public FunnelEventsConsumer(EventInbox inbox, LeadQualifier qualifier, HistoryStore history) {
        this.inbox = inbox;
        this.qualifier = qualifier;
        this.history = history;
    }

    @Incoming("leads")
    public Uni<Void> leads(KafkaRecordBatch<String, String> batch) {
        return inbox.consume(batch, handler).replaceWithVoid();
    }

    @Incoming("activities")
    public Uni<Void> activities(KafkaRecordBatch<String, String> batch) {
        return inbox.consume(batch, handler).replaceWithVoid();
    }

    @Incoming("pipeline")
    public Uni<Void> pipeline(KafkaRecordBatch<String, String> batch) {
        return inbox.consume(batch, handler).replaceWithVoid();
    }

    @Incoming("agreements")
    public Uni<Void> agreements(KafkaRecordBatch<String, String> batch) {
        return inbox.consume(batch, handler).replaceWithVoid();
    }

    /** The leads of the batch's new profiles are locked and read at once: most such batches are of new leads. */
    Uni<Void> prepare(List<EventEnvelope> events) {
        return history.lockAndRead(events.stream().map(EventEnvelope::event)
                .filter(event -> event instanceof LeadCaptured || event instanceof LeadUpdated)
                .map(event -> ((LeadEvent) event).leadId()).toList());
    }

    /** What an event means here; null for anonymous activity, which is scored once the visitor identifies. */
    Supplier<Uni<Void>> workFor(EventEnvelope envelope) {
        FunnelEvent event = envelope.event();
        if (event instanceof LeadCaptured captured) {
            return () -> qualifier.onProfile(captured.leadId(), captured.profile(), captured.occurredAt(),
                    "LeadCaptured");
        }
        if (event instanceof LeadUpdated updated) {
            return () -> qualifier.onProfile(updated.leadId(), updated.profile(), updated.occurredAt(),
                    "LeadUpdated");
        }
        if (event instanceof LeadErased erased) {
            return () -> qualifier.onErased(erased.leadId());
        }
        if (event instanceof VisitorActivityRecorded activity) {
            return activity.leadId() == null ? null : () -> qualifier.onActivity(activity);
        }
        if (event instanceof LeadRejected rejected) {
            return () -> qualifier.onRejected(rejected.leadId(), rejected.occurredAt());
        }
        if (event instanceof LeadAccepted accepted) {
            return () -> qualifier.onOutcome(accepted.leadId(), Outcome.ACCEPTED, accepted.occurredAt());
        }
        if (event instanceof OpportunityWon won) {
            return () -> qualifier.onOutcome(won.leadId(), Outcome.WON, won.occurredAt());
        }
        if (event instanceof AgreementUpdated agreement) {
            return () -> qualifier.onAgreement(agreement);
        }
        return null;
    }
}
