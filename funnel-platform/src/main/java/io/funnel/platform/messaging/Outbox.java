package io.funnel.platform.messaging;

import io.funnel.events.EventCodec;
import io.funnel.events.EventTypes;
import io.funnel.events.FunnelEvent;
import io.funnel.platform.persistence.HeldInserts;
import io.funnel.platform.persistence.RecordsetStatement;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Publishes events the only safe way for a service that also writes its database: as rows written in the caller's
 * transaction, relayed to Kafka by {@link OutboxRelay} after commit. Call it inside a transaction. However many events
 * a call publishes, they are one statement; the rows' sequence numbers follow the list (one function scan, read in
 * order), so the relay sends them in that order. Inside {@link HeldInserts#holding} the rows wait for the end of the
 * work and all its calls share that one statement.
 */
@ApplicationScoped
public class Outbox {

    private static final RecordsetStatement INSERT = new RecordsetStatement(
            "insert into outbox_event (id, topic, record_key, type, occurred_at, payload)"
                    + " select id, topic, record_key, type, occurred_at, payload from %s",
            "id uuid", "topic text", "record_key text", "type text", "occurred_at timestamptz", "payload text");

    public Uni<Void> publish(FunnelEvent event) {
        return publishAll(List.of(event));
    }

    public Uni<Void> publishAll(List<? extends FunnelEvent> events) {
        return HeldInserts.insert(INSERT, events.stream().map(Outbox::row).toList());
    }

    private static Object[] row(FunnelEvent event) {
        return new Object[] {UUID.randomUUID(), event.topic(), event.key(), EventTypes.typeOf(event),
                event.occurredAt(), EventCodec.encode(event)};
    }
}
