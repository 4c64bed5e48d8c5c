package io.funnel.qualification.messaging;

import io.funnel.events.AgreementEvent.AgreementUpdated;
import io.funnel.platform.messaging.EventEnvelope;
import io.funnel.platform.messaging.EventInbox;
import io.funnel.qualification.domain.LeadQualifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The MQL definition (threshold, required persona) from {@code funnel.agreements.v1}. */
@ApplicationScoped
public class AgreementConsumer {

    public static final String CHANNEL = "agreements";

    private final EventInbox inbox;
    private final LeadQualifier qualifier;

    public AgreementConsumer(EventInbox inbox, LeadQualifier qualifier) {
        this.inbox = inbox;
        this.qualifier = qualifier;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, this::apply);
    }

    Uni<Void> apply(EventEnvelope envelope) {
        if (envelope.event() instanceof AgreementUpdated agreement) {
            return qualifier.onAgreement(agreement);
        }
        return Uni.createFrom().voidItem();
    }
}
