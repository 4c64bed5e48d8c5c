package io.funnel.reporting.messaging;

import io.funnel.events.EventCodec;
import io.funnel.events.FunnelEvent;
import io.funnel.events.Topics;
import io.funnel.events.UnreadableEventException;
import io.funnel.platform.SafeContext;
import io.funnel.platform.api.ProblemException;
import io.funnel.reporting.domain.FunnelProjection;
import io.funnel.reporting.persistence.ProjectionBatch;
import io.funnel.reporting.persistence.ProjectionTables;
import io.funnel.reporting.persistence.RowWrite;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the read tables from the topics without stopping the API: replays every topic from the beginning into
 * fresh tables while the live projection goes on, then, holding the live tables' locks, replays what arrived
 * meanwhile and swaps the fresh tables in. The projection is idempotent, so the replay needs no inbox. The replay
 * stages the rows of large batches of events and folds them into the fresh tables at the end (see {@link RowWrite}).
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    private static final List<String> TOPICS = List.of(Topics.LEADS, Topics.ACTIVITIES, Topics.MARKETING,
            Topics.QUALIFICATION, Topics.PIPELINE);

    public enum State {
        IDLE, RUNNING, DONE, FAILED
    }

    public record Status(State state, Instant startedAt, Instant finishedAt, long eventsReplayed, String error) {
    }

    private final FunnelProjection projection;
    private final ProjectionTables tables;
    private final SafeContext safeContext;
    private final Clock clock;
    private final String bootstrapServers;
    private final int batchSize;
    private final AtomicReference<Status> status = new AtomicReference<>(new Status(State.IDLE, null, null, 0, null));

    public ProjectionRebuild(FunnelProjection projection, ProjectionTables tables, SafeContext safeContext, Clock clock,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "funnel.rebuild.batch-size") int batchSize) {
        this.projection = projection;
        this.tables = tables;
        this.safeContext = safeContext;
        this.clock = clock;
        this.bootstrapServers = bootstrapServers;
        this.batchSize = batchSize;
    }

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild in the background; 409 while one runs. */
    public Status start() {
        Status current = status.get();
        Status running = new Status(State.RUNNING, clock.instant(), null, 0, null);
        if (current.state() == State.RUNNING || !status.compareAndSet(current, running)) {
            throw ProblemException.conflict("A rebuild is already running", Map.of("state", State.RUNNING.name()));
        }
        Infrastructure.getDefaultWorkerPool().execute(this::run);
        return running;
    }

    private void run() {
        Instant started = status.get().startedAt();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = TOPICS.stream().flatMap(t -> consumer.partitionsFor(t).stream()
                    .map(p -> new TopicPartition(t, p.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            safeContext.run(() -> Panache.withTransaction(tables::createFresh)).await().indefinitely();
            Set<RowWrite> staged = new LinkedHashSet<>();
            CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
            long replayed = 0;
            long replayStart = System.nanoTime();
            List<FunnelEvent> batch;
            while (!(batch = pollToEnd(consumer, partitions)).isEmpty()) {
                ProjectionBatch rows = projection.rowsOf(batch);
                writing.join();
                status.set(new Status(State.RUNNING, started, null, replayed, null));
                // The next batch is polled and decoded while the database stores this one.
                writing = inFreshTables(() -> rows.stage(staged)).subscribeAsCompletionStage();
                replayed += batch.size();
            }
            writing.join();
            long foldStart = System.nanoTime();
            foldAll(staged).await().indefinitely();
            long swapStart = System.nanoTime();
            long total = replayed + safeContext.runWith(context -> Panache.withTransaction(() -> tables.lockLive()
                    .chain(() -> Uni.createFrom().item(() -> drain(consumer, partitions))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .emitOn(task -> context.runOnContext(ignored -> task.run())))
                    .chain(rest -> tables.useFresh().chain(() -> projection.apply(rest))
                            .chain(tables::swap).chain(tables::usePublic).replaceWith((long) rest.size()))))
                    .await().indefinitely();
            safeContext.run(() -> Panache.withTransaction(tables::dropLeftovers)).await().indefinitely();
            status.set(new Status(State.DONE, started, clock.instant(), total, null));
            LOG.infof("Projection rebuilt from %d events: replay %d ms, fold %d ms, catch-up and swap %d ms", total,
                    Duration.ofNanos(foldStart - replayStart).toMillis(),
                    Duration.ofNanos(swapStart - foldStart).toMillis(),
                    Duration.ofNanos(System.nanoTime() - swapStart).toMillis());
        } catch (RuntimeException e) {
            LOG.error("Projection rebuild failed; the live tables were kept", e);
            status.set(new Status(State.FAILED, started, clock.instant(), status.get().eventsReplayed(),
                    e.getMessage()));
        }
    }

    private Uni<Void> inFreshTables(Supplier<Uni<Void>> work) {
        return safeContext.run(() -> Panache.withTransaction(() -> tables.useFresh().chain(() -> work.get())));
    }

    /** Two tables at a time, each in a transaction of its own: one fold keeps one database core busy. */
    private Uni<Void> foldAll(Set<RowWrite> staged) {
        return Multi.createFrom().iterable(tables.folds(staged))
                .onItem().transformToUni(this::inFreshTables).merge(2)
                .collect().last().replaceWithVoid();
    }

    /** The next records, up to a batch, stopping at the end offsets as they are now; empty once there. */
    private List<FunnelEvent> pollToEnd(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<FunnelEvent> events = new ArrayList<>();
        while (events.size() < batchSize && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            consumer.poll(Duration.ofMillis(500)).forEach(r -> decode(r, events));
        }
        return events;
    }

    private List<FunnelEvent> drain(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        List<FunnelEvent> all = new ArrayList<>();
        List<FunnelEvent> batch;
        while (!(batch = pollToEnd(consumer, partitions)).isEmpty()) {
            all.addAll(batch);
        }
        return all;
    }

    private static void decode(ConsumerRecord<String, byte[]> record, List<FunnelEvent> into) {
        Header type = record.headers().lastHeader("ce_type");
        try {
            into.add(EventCodec.decode(type == null ? null : new String(type.value(), StandardCharsets.UTF_8),
                    record.value()));
        } catch (UnreadableEventException e) {
            // Already in the dead-letter topic when it was first consumed; nothing to project.
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }
}
