package io.funnel.reporting.webhooks;

import io.funnel.events.LeadEvent.LeadErased;
import io.funnel.platform.messaging.EventEnvelope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Queues each consumed event for the webhooks that subscribe to it. Called inside the transaction that logs the event
 * as processed, so an event is queued exactly once per webhook; the dispatcher sends it after commit. A
 * {@code LeadErased} first erases the payloads queued or sent for that lead, then goes out itself, so that the
 * receiving systems erase the lead too.
 */
@ApplicationScoped
public class WebhookFanOut {

    private final Deliveries deliveries;
    private final Clock clock;

    public WebhookFanOut(Deliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public Uni<Void> enqueue(EventEnvelope envelope) {
        Uni<Void> erased = envelope.event() instanceof LeadErased erasure
                ? deliveries.erase(erasure.leadId(), clock.instant())
                : Uni.createFrom().voidItem();
        return erased.chain(() -> deliveries.enqueue(envelope.id(), envelope.type(), envelope.event().key(),
                CloudEventJson.of(envelope), clock.instant()));
    }
}
