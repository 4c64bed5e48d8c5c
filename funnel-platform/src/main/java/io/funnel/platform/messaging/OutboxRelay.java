package io.funnel.platform.messaging;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox rows to Kafka in insertion order, with the lead id as key and the CloudEvents attributes as
 * headers, and deletes them once the broker acknowledged them; a commit that wrote rows wakes it at once
 * ({@link OutboxCommits}). While the broker is down rows stay and are sent when it returns; a crash between send and
 * delete re-sends, which consumers absorb by event id. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * several replicas relay side by side.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "funnel-out";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CLAIM_BATCH =
            "select seq, id, topic, record_key, type, occurred_at, payload from outbox_event"
                    + " order by seq limit $1 for update skip locked";
    private static final String DELETE_BATCH = "delete from outbox_event where seq = any($1)";

    private final MutinyEmitter<String> emitter;
    private final OutboxCommits commits;
    private final Pool database;
    private final URI source;
    private final int batchSize;
    private final Duration interval;
    private final DistributionSummary relayed;
    private volatile Cancellable ticking;

    public OutboxRelay(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> emitter,
            OutboxCommits commits,
            Pool database,
            @ConfigProperty(name = "funnel.event-source") String source,
            @ConfigProperty(name = "funnel.outbox.batch-size") int batchSize,
            @ConfigProperty(name = "funnel.outbox.interval") Duration interval,
            MeterRegistry registry) {
        this.emitter = emitter;
        this.commits = commits;
        this.database = database;
        this.source = URI.create(source);
        this.batchSize = batchSize;
        this.interval = interval;
        this.relayed = registry.summary("funnel.outbox.relayed");
    }

    /**
     * Relays as soon as a commit with outbox rows is heard, and polls every {@code funnel.outbox.interval} in case one
     * was not (the listening connection lost). What comes while a relay runs is kept as one more relay, not queued.
     */
    void start(@Observes StartupEvent started) {
        ticking = Multi.createBy().merging()
                .streams(commits.heard(), Multi.createFrom().ticks().every(interval).map(tick -> "tick"))
                .onOverflow().dropPreviousItems()
                .onItem().transformToUniAndConcatenate(wakeUp -> relayPending())
                .subscribe().with(ignored -> { }, e -> LOG.error("Outbox relay stopped", e));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (ticking != null) {
            ticking.cancel();
        }
    }

    /** Relays until the outbox is empty; failures (broker or database down) wait for the next tick. */
    Uni<Void> relayPending() {
        return relayBatch()
                .chain(sent -> sent == batchSize ? relayPending() : Uni.createFrom().voidItem())
                .onFailure().invoke(e -> LOG.warnf("Outbox relay paused, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /**
     * Relays one batch; answers how many rows it sent. Plain SQL on the reactive pool rather than a Hibernate session:
     * Hibernate caches a plan per execution of a native select and never finds it again, so a poll every 100 ms filled
     * its plan cache and pushed out the plans of the services' own queries.
     */
    Uni<Integer> relayBatch() {
        return database.withTransaction(connection -> connection.preparedQuery(CLAIM_BATCH)
                .execute(Tuple.of(batchSize))
                .map(rows -> {
                    List<Row> batch = new ArrayList<>(rows.size());
                    rows.forEach(row -> batch.add(toRow(row)));
                    return batch;
                })
                .chain(batch -> send(batch).chain(() -> delete(connection, batch)).replaceWith(batch.size())));
    }

    /** A claimed outbox row. */
    private record Row(long seq, UUID id, String topic, String recordKey, String type, Instant occurredAt,
            String payload) {
    }

    private static Row toRow(io.vertx.mutiny.sqlclient.Row c) {
        return new Row(c.getLong("seq"), c.getUUID("id"), c.getString("topic"), c.getString("record_key"),
                c.getString("type"), toInstant(c.getValue("occurred_at")), c.getString("payload"));
    }

    private static Instant toInstant(Object column) {
        if (column instanceof Instant instant) {
            return instant;
        }
        if (column instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.time.LocalDateTime) column).toInstant(ZoneOffset.UTC);
    }

    private Uni<Void> send(List<Row> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> acks = batch.stream().map(row -> emitter.sendMessage(toMessage(row))).toList();
        return Uni.join().all(acks).andFailFast().invoke(() -> relayed.record(batch.size())).replaceWithVoid();
    }

    private static Uni<Void> delete(SqlConnection connection, List<Row> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] seqs = batch.stream().map(Row::seq).toArray(Long[]::new);
        return connection.preparedQuery(DELETE_BATCH).execute(Tuple.of(seqs)).replaceWithVoid();
    }

    private Message<String> toMessage(Row row) {
        return Message.of(row.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(row.topic())
                        .withKey(row.recordKey())
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(row.id().toString())
                        .withType(row.type())
                        .withSource(source)
                        .withSubject(row.recordKey())
                        .withTimestamp(row.occurredAt().atZone(ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .build());
    }
}
