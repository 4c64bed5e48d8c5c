package io.funnel.platform.messaging;

import io.funnel.events.EventCodec;
import io.funnel.events.FunnelEvent;
import io.funnel.events.UnreadableEventException;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A consumed CloudEvent: its attributes from the {@code ce_*} headers and its data decoded into the vocabulary. */
public record EventEnvelope(String id, String type, String source, String topic, Instant time, FunnelEvent event) {

    /** Reads a Kafka message; anything that is not a well-formed funnel CloudEvent is unreadable. */
    @SuppressWarnings("unchecked")
    public static EventEnvelope read(Message<String> message) {
        String topic = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getTopic).orElse("unknown");
        IncomingCloudEventMetadata<String> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new UnreadableEventException("Not a CloudEvent: no ce_* headers"));
        if (ce.getId() == null || ce.getId().isBlank()) {
            throw new UnreadableEventException("CloudEvent without id");
        }
        FunnelEvent event = EventCodec.decode(ce.getType(), message.getPayload());
        return new EventEnvelope(ce.getId(), ce.getType(), String.valueOf(ce.getSource()), topic, event.occurredAt(),
                event);
    }
}
