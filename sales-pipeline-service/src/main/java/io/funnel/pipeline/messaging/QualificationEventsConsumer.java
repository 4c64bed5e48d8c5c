package io.funnel.pipeline.messaging;

import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.events.QualificationEvent.PersonaMatched;
import io.funnel.pipeline.domain.LeadAssignment;
import io.funnel.pipeline.persistence.LeadRouting;
import io.funnel.platform.messaging.EventEnvelope;
import io.funnel.platform.messaging.EventInbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Takes MQLs (and the persona they matched) from {@code funnel.qualification.v1}. */
@ApplicationScoped
public class QualificationEventsConsumer {

    public static final String CHANNEL = "qualification";

    private final EventInbox inbox;
    private final LeadAssignment assignment;

    public QualificationEventsConsumer(EventInbox inbox, LeadAssignment assignment) {
        this.inbox = inbox;
        this.assignment = assignment;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, this::apply);
    }

    Uni<Void> apply(EventEnvelope envelope) {
        if (envelope.event() instanceof LeadQualified qualified) {
            return assignment.onQualified(qualified);
        }
        if (envelope.event() instanceof PersonaMatched matched) {
            return LeadRouting.recordPersona(matched.leadId(), matched.persona());
        }
        return Uni.createFrom().voidItem();
    }
}
