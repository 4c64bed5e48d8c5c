package io.funnel.platform.messaging;

import io.funnel.events.UnreadableEventException;
import io.funnel.platform.InOrder;
import io.funnel.platform.persistence.HeldInserts;
import io.funnel.platform.persistence.RecordsetStatement;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one way services consume events: a poll's records at a time (channels run in batch mode). Each event is applied
 * at most once: its id goes into {@code processed_event} in the same transaction as the handler's effect, so a
 * redelivery finds the id and does nothing. All the batch's new events are applied in one transaction; if that fails
 * (database down, a deadlock with another channel, a handler's error), they are applied one by one, each in its own
 * transaction and retried with back-off, so one bad event cannot hold back the others. An event that still fails, and
 * an unreadable record, is nacked and lands in the channel's dead-letter topic, so nothing is lost either way. Events
 * the service has no use for are acknowledged without a transaction.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final RecordsetStatement LOG_NEW = new RecordsetStatement("insert into processed_event (event_id,"
            + " topic) select event_id, topic from %s on conflict do nothing returning event_id", "event_id text",
            "topic text");

    private final MeterRegistry registry;
    private final int maxAttempts;

    public EventInbox(MeterRegistry registry, @ConfigProperty(name = "funnel.inbox.max-attempts") int maxAttempts) {
        this.registry = registry;
        this.maxAttempts = maxAttempts;
    }

    private record Received(KafkaRecord<String, String> record, EventEnvelope envelope) {
    }

    /** Applies the batch's events; answers those applied now (not duplicates), once they are committed. */
    public Uni<List<EventEnvelope>> consume(KafkaRecordBatch<String, String> batch, EventHandler handler) {
        Context context = Vertx.currentContext();
        List<Received> wanted = new ArrayList<>();
        List<Uni<Void>> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                EventEnvelope envelope = EventEnvelope.read(record);
                if (handler.wants(envelope)) {
                    wanted.add(new Received(record, envelope));
                } else {
                    registry.counter("funnel.events.ignored", "type", envelope.type()).increment();
                }
            } catch (UnreadableEventException e) {
                LOG.warnf("Unreadable record sent to the dead-letter topic: %s", e.getMessage());
                registry.counter("funnel.events.unreadable").increment();
                deadLetters.add(deadLetter(record, e, context));
            }
        }
        return InOrder.each(deadLetters, deadLetter -> deadLetter)
                .chain(() -> applyAll(wanted, handler, context))
                .call(() -> Uni.createFrom().completionStage(batch::ack));
    }

    private Uni<List<EventEnvelope>> applyAll(List<Received> wanted, EventHandler handler, Context context) {
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return applyOnce(wanted.stream().map(Received::envelope).toList(), handler)
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("A batch of %d events failed (%s); applying them one by one", wanted.size(),
                            failure.toString());
                    registry.counter("funnel.events.batch.split").increment();
                    return oneByOne(wanted, handler, context);
                });
    }

    private Uni<List<EventEnvelope>> oneByOne(List<Received> wanted, EventHandler handler, Context context) {
        return Multi.createFrom().iterable(wanted).onItem().transformToUniAndConcatenate(received ->
                        applyOnce(List.of(received.envelope()), handler)
                                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5))
                                .atMost(maxAttempts)
                                .onFailure().recoverWithUni(failure -> {
                                    LOG.errorf(failure, "Event %s (%s) still failed after %d retries; sent to the "
                                            + "dead-letter topic", received.envelope().id(),
                                            received.envelope().type(), maxAttempts);
                                    return deadLetter(received.record(), failure, context)
                                            .replaceWith(List.<EventEnvelope>of());
                                }))
                .collect().in(ArrayList::new, List::addAll);
    }

    /**
     * Nacks the record into the channel's dead-letter topic. The nack completes on the dead-letter producer's context,
     * where Panache refuses to run; what follows (the next transaction) goes on on the message's own context.
     */
    private static Uni<Void> deadLetter(KafkaRecord<String, String> record, Throwable failure, Context context) {
        Uni<Void> nack = Uni.createFrom().completionStage(() -> record.nack(failure));
        return context == null ? nack : nack.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /**
     * In one transaction: logs the events' ids, applies those not logged before (reading reference data once, see
     * {@link BatchMemo}, and writing what they publish to the outbox and other logs together, at the end, see
     * {@link HeldInserts}); answers them.
     */
    private Uni<List<EventEnvelope>> applyOnce(List<EventEnvelope> events, EventHandler handler) {
        return Panache.withTransaction(() -> LOG_NEW.returning(ids(events))
                .chain(logged -> {
                    List<EventEnvelope> fresh = firstOfEach(events, logged);
                    return fresh.isEmpty() ? Uni.createFrom().item(fresh)
                            : BatchMemo.open(() -> HeldInserts.holding(() -> handler.apply(fresh)))
                                    .replaceWith(fresh);
                }))
                .invoke(fresh -> count(events, fresh));
    }

    private static List<Object[]> ids(List<EventEnvelope> events) {
        return events.stream().map(e -> new Object[] {e.id(), e.topic()}).toList();
    }

    /** The events whose id was logged now, each id once (a batch may hold a redelivered copy). */
    private static List<EventEnvelope> firstOfEach(List<EventEnvelope> events, List<Object[]> logged) {
        Set<Object> loggedIds = new HashSet<>();
        logged.forEach(row -> loggedIds.add(row[0]));
        List<EventEnvelope> fresh = new ArrayList<>();
        for (EventEnvelope event : events) {
            if (loggedIds.remove(event.id())) {
                fresh.add(event);
            }
        }
        return fresh;
    }

    private void count(List<EventEnvelope> events, List<EventEnvelope> fresh) {
        registry.summary("funnel.events.transaction.size", "topic", events.get(0).topic()).record(events.size());
        Set<EventEnvelope> applied = Collections.newSetFromMap(new IdentityHashMap<>());
        applied.addAll(fresh);
        for (EventEnvelope event : events) {
            registry.counter("funnel.events.consumed", "type", event.type(),
                    "duplicate", String.valueOf(!applied.contains(event))).increment();
        }
    }
}
