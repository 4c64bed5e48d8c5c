package io.funnel.pipeline.messaging;

import io.funnel.events.AgreementEvent.AgreementUpdated;
import io.funnel.pipeline.domain.AgreementInForce;
import io.funnel.platform.messaging.EventEnvelope;
import io.funnel.platform.messaging.EventInbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps the agreement versions from {@code funnel.agreements.v1}: the SLA windows come from the one in force. */
@ApplicationScoped
public class AgreementEventsConsumer {

    public static final String CHANNEL = "agreements";

    private final EventInbox inbox;
    private final AgreementInForce agreement;

    public AgreementEventsConsumer(EventInbox inbox, AgreementInForce agreement) {
        this.inbox = inbox;
        this.agreement = agreement;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, this::apply);
    }

    Uni<Void> apply(EventEnvelope envelope) {
        if (envelope.event() instanceof AgreementUpdated updated) {
            return agreement.record(updated);
        }
        return Uni.createFrom().voidItem();
    }
}
