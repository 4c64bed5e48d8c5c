package io.funnel.local.bench;

import io.funnel.events.EventCodec;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.local.FunnelStack;
import io.funnel.local.PostgresEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Kafka's and PostgreSQL's own limits, measured on the stack's broker and database server in the same run, so our
 * figures can be read as a share of what the parts underneath allow on this machine.
 */
final class ReferenceLimits {

    private static final String TOPIC = "bench.reference";
    private static final int PGBENCH_CLIENTS = 8;

    private final int recordBytes;
    private final Attempt<KafkaProducerLimit.Result> producer;
    private final Attempt<KafkaConsumerLimit.Result> consumer;
    private final Attempt<PostgresInsertLimit.Result> postgres;

    private ReferenceLimits(int recordBytes, Attempt<KafkaProducerLimit.Result> producer,
            Attempt<KafkaConsumerLimit.Result> consumer, Attempt<PostgresInsertLimit.Result> postgres) {
        this.recordBytes = recordBytes;
        this.producer = producer;
        this.consumer = consumer;
        this.postgres = postgres;
    }

    static ReferenceLimits measure(FunnelStack stack, Path projectRoot, Path workDir, long kafkaRecords,
            Duration pgbenchTime) throws Exception {
        LeadCaptured lead = new SyntheticFunnel(7, Instant.now()).nextLead().stream()
                .filter(LeadCaptured.class::isInstance).map(LeadCaptured.class::cast).findFirst().orElseThrow();
        int recordBytes = EventFlood.wireBytes(lead);
        String broker = stack.broker().bootstrapServers();
        Attempt<KafkaProducerLimit.Result> producer = Attempt.of(() ->
                KafkaProducerLimit.measure(broker, TOPIC, kafkaRecords, recordBytes));
        Attempt<KafkaConsumerLimit.Result> consumer = producer.measured()
                ? Attempt.of(() -> KafkaConsumerLimit.measure(broker, TOPIC, producer.result().records()))
                : Attempt.skipped("nothing to read: the producer reference failed");
        Optional<Path> pgbench = PostgresInsertLimit.locatePgbench();
        Attempt<PostgresInsertLimit.Result> postgres = pgbench.isEmpty()
                ? Attempt.skipped("pgbench not found in /usr/lib/postgresql/*/bin nor on the PATH "
                        + "(Debian: apt-get install postgresql-client)")
                : Attempt.of(() -> pgbench(pgbench.get(), stack.postgres(), projectRoot, workDir, lead, pgbenchTime));
        return new ReferenceLimits(recordBytes, producer, consumer, postgres);
    }

    private static PostgresInsertLimit.Result pgbench(Path pgbench, PostgresEndpoint server, Path projectRoot,
            Path workDir, LeadCaptured lead, Duration time) throws Exception {
        Path script = Files.writeString(workDir.resolve("capture-write.pgbench"), CaptureWriteScript.text(lead));
        List<Path> migrations = List.of(projectRoot.resolve("funnel-platform/src/main/resources/db/platform"),
                projectRoot.resolve("lead-capture-service/src/main/resources/db/migration"));
        String name = "bench_pgbench_" + UUID.randomUUID().toString().substring(0, 8);
        try (ScratchDatabase database = ScratchDatabase.create(server, name, migrations)) {
            return PostgresInsertLimit.measure(pgbench, server, database.name(), script, EventCodec.encode(lead),
                    PGBENCH_CLIENTS, time);
        }
    }

    /**
     * The table of limits; capture is compared with the write limits, the rebuild with the read limit. Like the
     * reference tools, which run while the services idle, capture is taken alone (its consumers frozen).
     */
    String markdown(double captureLeadsPerSecond, double rebuildEventsPerSecond) {
        StringBuilder table = new StringBuilder(
                "| reference | its figure | ours | ours as % of it |\n|---|---|---|---|\n");
        String capture = String.format("capture alone: %,.0f leads/s", captureLeadsPerSecond);
        if (producer.measured()) {
            KafkaProducerLimit.Result p = producer.result();
            row(table, String.format("Kafka `ProducerPerformance`: %,d records of %d B (a LeadCaptured CloudEvent with "
                    + "key and headers), unthrottled, default producer settings", p.records(), p.recordBytes()),
                    String.format("%,.0f records/s (%.1f MB/s), latency avg %.1f ms, p99 %.0f ms",
                            p.recordsPerSecond(), p.megabytesPerSecond(), p.averageMillis(), p.p99Millis()),
                    capture + " (one record each)", percent(captureLeadsPerSecond, p.recordsPerSecond()));
        } else {
            row(table, "Kafka `ProducerPerformance`, " + recordBytes + " B records", "not measured: "
                    + producer.problem(), capture, "—");
        }
        String rebuild = rebuildEventsPerSecond > 0
                ? String.format("reporting rebuild: %,.0f events/s", rebuildEventsPerSecond) : "reporting rebuild: —";
        if (consumer.measured()) {
            KafkaConsumerLimit.Result c = consumer.result();
            row(table, String.format("Kafka `ConsumerPerformance`: the same %,d records from the start, one consumer",
                    c.records()), String.format("%,.0f records/s (%.1f MB/s) fetching", c.recordsPerSecond(),
                            c.megabytesPerSecond()),
                    rebuild, rebuildEventsPerSecond > 0 ? percent(rebuildEventsPerSecond, c.recordsPerSecond()) : "—");
        } else {
            row(table, "Kafka `ConsumerPerformance`", "not measured: " + consumer.problem(), rebuild, "—");
        }
        if (postgres.measured()) {
            PostgresInsertLimit.Result pg = postgres.result();
            row(table, String.format("`pgbench` (%s): per transaction the e-mail lookup, a `lead` row and an "
                    + "`outbox_event` row with the LeadCaptured JSON, as capture writes them; %d clients, %d s, "
                    + "prepared statements, scratch database with capture's migrations", pg.pgbench(), pg.clients(),
                    pg.seconds()), String.format("%,.0f tps (%,d transactions), latency avg %.1f ms", pg.tps(),
                            pg.transactions(), pg.averageMillis()),
                    capture, percent(captureLeadsPerSecond, pg.tps()));
        } else {
            row(table, "`pgbench`, lead + outbox rows", "not measured: " + postgres.problem(), capture, "—");
        }
        return table.toString();
    }

    private static String percent(double ours, double limit) {
        return limit > 0 ? String.format("%.1f %%", 100 * ours / limit) : "—";
    }

    private static void row(StringBuilder table, String reference, String figure, String ours, String share) {
        table.append("| ").append(reference).append(" | ").append(figure).append(" | ").append(ours).append(" | ")
                .append(share).append(" |\n");
    }
}
