package io.funnel.platform.messaging;

import io.funnel.events.FunnelEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Publishes events the only safe way for a service that also writes its database: as rows written in the caller's
 * transaction, relayed to Kafka by {@link OutboxRelay} after commit. Call it inside a transaction.
 */
@ApplicationScoped
public class Outbox {

    public Uni<Void> publish(FunnelEvent event) {
        return OutboxEvent.of(event).persist().replaceWithVoid();
    }

    public Uni<Void> publishAll(List<? extends FunnelEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return OutboxEvent.persist(events.stream().map(OutboxEvent::of)).replaceWithVoid();
    }
}
