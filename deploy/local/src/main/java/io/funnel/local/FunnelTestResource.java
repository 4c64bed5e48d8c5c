package io.funnel.local;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;

/**
 * Gives a service test a real Kafka broker (one per test JVM, with every funnel topic) and a fresh PostgreSQL
 * database of its own, dropped when the test stops.
 */
public class FunnelTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;
    private static LocalPostgres postgres;

    private String database;

    @Override
    public Map<String, String> start() {
        KafkaBroker kafka = broker();
        database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        postgres.ensureDatabase(database);
        PostgresEndpoint db = postgres.endpoint();
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.datasource.reactive.url", db.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", db.jdbcUrl(database),
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            postgres.dropDatabase(database);
        }
    }

    /** The broker of this JVM, started on first use; tests may stop and restart it to simulate an outage. */
    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            try {
                var workDir = Files.createTempDirectory("funnel-test-");
                postgres = LocalPostgres.locate(System.getenv(), workDir);
                broker = KafkaBroker.create(workDir.resolve("kafka"), 0).start();
                broker.createFunnelTopics(KafkaBroker.DEFAULT_PARTITIONS);
                Runtime.getRuntime().addShutdownHook(new Thread(FunnelTestResource::shutdown, "funnel-test-stack"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker;
    }

    private static synchronized void shutdown() {
        broker.stop();
        postgres.close();
    }
}
