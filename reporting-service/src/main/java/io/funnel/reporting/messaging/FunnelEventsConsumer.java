package io.funnel.reporting.messaging;

import io.funnel.platform.InOrder;
import io.funnel.platform.messaging.EventEnvelope;
import io.funnel.platform.messaging.EventHandler;
import io.funnel.platform.messaging.EventInbox;
import io.funnel.reporting.domain.FunnelProjection;
import io.funnel.reporting.webhooks.WebhookFanOut;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds every funnel topic into the projections; one channel per topic so each has its own dead-letter topic. */
@ApplicationScoped
public class FunnelEventsConsumer {

    private final EventInbox inbox;
    private final FunnelProjection funnel;
    private final LiveUpdates live;
    private final WebhookFanOut webhooks;
    private final Projection projection = new Projection();

    public FunnelEventsConsumer(EventInbox inbox, FunnelProjection funnel, LiveUpdates live, WebhookFanOut webhooks) {
        this.inbox = inbox;
        this.funnel = funnel;
        this.live = live;
        this.webhooks = webhooks;
    }

    @Incoming("leads")
    public Uni<Void> leads(KafkaRecordBatch<String, String> batch) {
        return consume(batch);
    }

    @Incoming("activities")
    public Uni<Void> activities(KafkaRecordBatch<String, String> batch) {
        return consume(batch);
    }

    @Incoming("qualification")
    public Uni<Void> qualification(KafkaRecordBatch<String, String> batch) {
        return consume(batch);
    }

    @Incoming("marketing")
    public Uni<Void> marketing(KafkaRecordBatch<String, String> batch) {
        return consume(batch);
    }

    @Incoming("pipeline")
    public Uni<Void> pipeline(KafkaRecordBatch<String, String> batch) {
        return consume(batch);
    }

    /**
     * Dashboards hear of events once their projection committed, and never of a duplicate. Webhook deliveries are
     * queued in the same transaction, so each is queued once.
     */
    private Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.consume(batch, projection)
                .invoke(applied -> applied.forEach(live::announce))
                .replaceWithVoid();
    }

    /** Every event counts here; the batch's rows are written set-based, as the rebuild writes them. */
    private final class Projection implements EventHandler {

        @Override
        public boolean wants(EventEnvelope envelope) {
            return true;
        }

        @Override
        public Uni<Void> apply(List<EventEnvelope> events) {
            return funnel.apply(events.stream().map(EventEnvelope::event).toList())
                    .chain(() -> InOrder.each(events, webhooks::enqueue));
        }
    }
}
