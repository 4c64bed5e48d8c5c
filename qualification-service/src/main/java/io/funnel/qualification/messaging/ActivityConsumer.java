package io.funnel.qualification.messaging;

import io.funnel.events.ActivityEvent.VisitorActivityRecorded;
import io.funnel.platform.messaging.EventEnvelope;
import io.funnel.platform.messaging.EventInbox;
import io.funnel.qualification.domain.LeadQualifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Behaviour from {@code funnel.activities.v1}: identified leads' activities are stored and rescored. */
@ApplicationScoped
public class ActivityConsumer {

    public static final String CHANNEL = "activities";

    private final EventInbox inbox;
    private final LeadQualifier qualifier;

    public ActivityConsumer(EventInbox inbox, LeadQualifier qualifier) {
        this.inbox = inbox;
        this.qualifier = qualifier;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, this::apply);
    }

    Uni<Void> apply(EventEnvelope envelope) {
        if (envelope.event() instanceof VisitorActivityRecorded activity) {
            return qualifier.onActivity(activity);
        }
        return Uni.createFrom().voidItem();
    }
}
