package io.funnel.local;

import io.funnel.events.EventCodec;
import io.funnel.events.EventTypes;
import io.funnel.events.FunnelEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An independent Kafka client for tests: reads topics from the beginning in a group of its own and writes raw
 * records (such as poison ones). Not thread-safe; one per test.
 */
public final class TopicProbe implements AutoCloseable {

    /** A record as seen on the wire, with its headers decoded as UTF-8. */
    public record Received(String topic, String key, String value, Map<String, String> headers) {

        public String header(String name) {
            return headers.get(name);
        }
    }

    private final String bootstrapServers;
    private final KafkaConsumer<String, String> consumer;
    private final List<Received> seen = new ArrayList<>();

    private TopicProbe(String bootstrapServers, List<String> topics) {
        this.bootstrapServers = bootstrapServers;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(topics);
    }

    public static TopicProbe reading(String bootstrapServers, String... topics) {
        return new TopicProbe(bootstrapServers, Arrays.asList(topics));
    }

    /** Polls once more and answers every record seen so far. */
    public List<Received> records() {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().forEach(h -> headers.put(h.key(),
                    h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8)));
            seen.add(new Received(r.topic(), r.key(), r.value(), headers));
        });
        return List.copyOf(seen);
    }

    /** Reads until every partition of the subscribed topics is consumed up to its current end. */
    public List<Received> readToEnd() {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            records();
            var assignment = consumer.assignment();
            if (!assignment.isEmpty() && consumer.endOffsets(assignment).entrySet().stream()
                    .allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                return List.copyOf(seen);
            }
        }
        throw new IllegalStateException("Could not read the topics to their end within 30 s");
    }

    /** The records seen so far whose {@code ce_type} header is the given type. */
    public List<Received> ofType(String ceType) {
        return records().stream().filter(r -> ceType.equals(r.header("ce_type"))).toList();
    }

    /** Writes an event as a binary-mode CloudEvent, as the services' outbox relays do. */
    public void publish(FunnelEvent event, String eventId) {
        sendAll(List.of(cloudEvent(event, eventId, "/test-probe")));
    }

    /** Writes many events through one producer, each with a fresh id, and waits until the broker has them all. */
    public void publishAll(List<? extends FunnelEvent> events) {
        sendAll(events.stream().map(e -> cloudEvent(e, UUID.randomUUID().toString(), "/test-probe")).toList());
    }

    /** An event as the binary-mode CloudEvent record the services' outbox relays write, from {@code source}. */
    public static ProducerRecord<String, String> cloudEvent(FunnelEvent event, String eventId, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", eventId);
        headers.put("ce_type", EventTypes.typeOf(event));
        headers.put("ce_source", source);
        headers.put("ce_subject", event.key());
        headers.put("ce_time", event.occurredAt().toString());
        headers.put("ce_datacontenttype", "application/json");
        return record(event.topic(), event.key(), EventCodec.encode(event), headers);
    }

    /** Writes one raw record and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String value, Map<String, String> headers) {
        sendAll(List.of(record(topic, key, value, headers)));
    }

    /** A raw record with these headers, e.g. an unreadable one for {@link #sendAll}. */
    public static ProducerRecord<String, String> record(String topic, String key, String value,
            Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    /**
     * Writes the records through one producer and waits for the broker's acknowledgements; records of one key travel
     * in one batch, so a consumer polls them together.
     */
    public void sendAll(List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            List<Future<RecordMetadata>> acks = records.stream().map(producer::send).toList();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot write to " + records.get(0).topic(), e.getCause());
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
