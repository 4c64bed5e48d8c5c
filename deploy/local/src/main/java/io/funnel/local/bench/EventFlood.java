package io.funnel.local.bench;

import io.funnel.events.FunnelEvent;
import io.funnel.local.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a synthetic history straight into the funnel topics, each event the CloudEvent record an outbox relay would
 * write, through one producer tuned for bulk (large lz4 batches) rather than for latency.
 */
final class EventFlood {

    record Result(long events, long leads, double seconds) {

        double perSecond() {
            return events / seconds;
        }
    }

    private static final String SOURCE = "/bench";

    private EventFlood() {
    }

    static Result write(String bootstrapServers, SyntheticFunnel funnel, long events) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long written = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            while (written < events && failure.get() == null) {
                for (FunnelEvent event : funnel.nextLead()) {
                    producer.send(record(event), (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                    written++;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The broker refused a synthetic event", failure.get());
        }
        return new Result(written, funnel.leadsSoFar(), (System.nanoTime() - start) / 1e9);
    }

    static ProducerRecord<String, String> record(FunnelEvent event) {
        return TopicProbe.cloudEvent(event, UUID.randomUUID().toString(), SOURCE);
    }

    /** Key, value and headers in bytes: what a record of this event weighs before batching and compression. */
    static int wireBytes(FunnelEvent event) {
        ProducerRecord<String, String> record = record(event);
        int bytes = record.key().getBytes(StandardCharsets.UTF_8).length
                + record.value().getBytes(StandardCharsets.UTF_8).length;
        for (Header header : record.headers()) {
            bytes += header.key().getBytes(StandardCharsets.UTF_8).length + header.value().length;
        }
        return bytes;
    }
}
