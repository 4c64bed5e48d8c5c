package io.funnel.qualification.messaging;

import io.funnel.events.FunnelEvent;
import io.funnel.events.PipelineEvent.LeadAccepted;
import io.funnel.events.PipelineEvent.LeadRejected;
import io.funnel.events.PipelineEvent.OpportunityWon;
import io.funnel.platform.messaging.EventEnvelope;
import io.funnel.platform.messaging.EventInbox;
import io.funnel.qualification.domain.LeadHistory.Outcome;
import io.funnel.qualification.domain.LeadQualifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sales outcomes from {@code funnel.pipeline.v1}: rejections recycle the lead; all are kept for the simulation. */
@ApplicationScoped
public class PipelineConsumer {

    public static final String CHANNEL = "pipeline";

    private final EventInbox inbox;
    private final LeadQualifier qualifier;

    public PipelineConsumer(EventInbox inbox, LeadQualifier qualifier) {
        this.inbox = inbox;
        this.qualifier = qualifier;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, this::apply);
    }

    Uni<Void> apply(EventEnvelope envelope) {
        FunnelEvent event = envelope.event();
        if (event instanceof LeadRejected rejected) {
            return qualifier.onRejected(rejected.leadId(), rejected.occurredAt());
        }
        if (event instanceof LeadAccepted accepted) {
            return qualifier.onOutcome(accepted.leadId(), Outcome.ACCEPTED, accepted.occurredAt());
        }
        if (event instanceof OpportunityWon won) {
            return qualifier.onOutcome(won.leadId(), Outcome.WON, won.occurredAt());
        }
        return Uni.createFrom().voidItem();
    }
}
