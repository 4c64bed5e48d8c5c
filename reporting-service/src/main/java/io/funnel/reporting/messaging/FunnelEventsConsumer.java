package io.funnel.reporting.messaging;

import io.funnel.platform.messaging.EventEnvelope;
import io.funnel.platform.messaging.EventInbox;
import io.funnel.reporting.domain.FunnelProjection;
import io.funnel.reporting.webhooks.WebhookFanOut;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Feeds every funnel topic into the projections; one channel per topic so each has its own dead-letter topic. */
@ApplicationScoped
public class FunnelEventsConsumer {

    private final EventInbox inbox;
    private final FunnelProjection funnel;
    private final LiveUpdates live;
    private final WebhookFanOut webhooks;

    public FunnelEventsConsumer(EventInbox inbox, FunnelProjection funnel, LiveUpdates live, WebhookFanOut webhooks) {
        this.inbox = inbox;
        this.funnel = funnel;
        this.live = live;
        this.webhooks = webhooks;
    }

    @Incoming("leads")
    public Uni<Void> leads(Message<String> message) {
        return consume(message);
    }

    @Incoming("activities")
    public Uni<Void> activities(Message<String> message) {
        return consume(message);
    }

    @Incoming("qualification")
    public Uni<Void> qualification(Message<String> message) {
        return consume(message);
    }

    @Incoming("marketing")
    public Uni<Void> marketing(Message<String> message) {
        return consume(message);
    }

    @Incoming("pipeline")
    public Uni<Void> pipeline(Message<String> message) {
        return consume(message);
    }

    /**
     * Dashboards hear of an event once its projection committed, and never of a duplicate. Webhook deliveries are
     * queued in the same transaction, so each is queued once.
     */
    private Uni<Void> consume(Message<String> message) {
        AtomicReference<EventEnvelope> applied = new AtomicReference<>();
        return inbox.consume(message, envelope -> () -> funnel.apply(List.of(envelope.event()))
                        .chain(() -> webhooks.enqueue(envelope))
                        .invoke(() -> applied.set(envelope)))
                .invoke(() -> {
                    EventEnvelope envelope = applied.get();
                    if (envelope != null) {
                        live.announce(envelope);
                    }
                });
    }
}
