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
 * receiving systems erase the lead too. An event no active webhook subscribes to is not queued at all, without a query
 * ({@link SubscribedTypes}); the erasure of stored payloads runs regardless, as old deliveries may hold the lead.
 */
@ApplicationScoped
public class WebhookFanOut {

    private final Deliveries deliveries;
    private final SubscribedTypes subscribed;
    private final Clock clock;

    public WebhookFanOut(Deliveries deliveries, SubscribedTypes subscribed, Clock clock) {
        this.deliveries = deliveries;
        this.subscribed = subscribed;
        this.clock = clock;
    }

    public Uni<Void> enqueue(EventEnvelope envelope) {
        Uni<Void> erased = envelope.event() instanceof LeadErased erasure
                ? deliveries.erase(erasure.leadId(), clock.instant())
                : Uni.createFrom().voidItem();
        return erased.chain(() -> subscribed.anyWants(envelope.type()))
                .chain(wanted -> wanted ? deliveries.enqueue(envelope.id(), envelope.type(), envelope.event().key(),
                        CloudEventJson.of(envelope), clock.instant()) : Uni.createFrom().voidItem());
    }
}
