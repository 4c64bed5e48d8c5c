package io.funnel.qualification.messaging;

import io.funnel.events.FunnelEvent;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadErased;
import io.funnel.events.LeadEvent.LeadUpdated;
import io.funnel.platform.messaging.EventEnvelope;
import io.funnel.platform.messaging.EventInbox;
import io.funnel.qualification.domain.LeadQualifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Scores leads from {@code funnel.leads.v1}. */
@ApplicationScoped
public class LeadEventsConsumer {

    public static final String CHANNEL = "leads";

    private final EventInbox inbox;
    private final LeadQualifier qualifier;

    public LeadEventsConsumer(EventInbox inbox, LeadQualifier qualifier) {
        this.inbox = inbox;
        this.qualifier = qualifier;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, this::apply);
    }

    Uni<Void> apply(EventEnvelope envelope) {
        FunnelEvent event = envelope.event();
        if (event instanceof LeadCaptured captured) {
            return qualifier.onProfile(captured.leadId(), captured.profile(), captured.occurredAt(),
                    "LeadCaptured");
        }
        if (event instanceof LeadUpdated updated) {
            return qualifier.onProfile(updated.leadId(), updated.profile(), updated.occurredAt(), "LeadUpdated");
        }
        if (event instanceof LeadErased erased) {
            return qualifier.onErased(erased.leadId());
        }
        return Uni.createFrom().voidItem();
    }
}
