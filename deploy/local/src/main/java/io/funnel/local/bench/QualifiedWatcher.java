package io.funnel.local.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Notes when each {@code LeadQualified} reaches Kafka, as an independent consumer sees it. */
final class QualifiedWatcher implements AutoCloseable {

    private final Map<String, Long> seenAtNanos = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    QualifiedWatcher(String bootstrapServers, String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(topic));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    consumer.poll(Duration.ofMillis(50)).forEach(r -> {
                        Header type = r.headers().lastHeader("ce_type");
                        if (type != null && new String(type.value(), StandardCharsets.UTF_8)
                                .equals("io.funnel.LeadQualified.v1")) {
                            seenAtNanos.putIfAbsent(r.key(), System.nanoTime());
                        }
                    });
                }
            }
        }, "bench-qualified-watcher");
        thread.start();
    }

    Map<String, Long> seenAtNanos() {
        return seenAtNanos;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
