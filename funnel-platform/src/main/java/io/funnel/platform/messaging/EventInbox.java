package io.funnel.platform.messaging;

import io.funnel.events.UnreadableEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The one way services consume events. Each event is applied at most once: its id goes into {@code processed_event}
 * in the same transaction as the handler's effect, so a redelivery finds the id and does nothing. An unreadable record
 * is nacked and lands in the channel's dead-letter topic; a failing handler (database down) is retried with back-off
 * before the record is given up to the dead-letter topic, so nothing is lost either way. An event the service has no
 * use for is acknowledged without opening a transaction.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final int MAX_ATTEMPTS = 30;

    private final MeterRegistry registry;

    public EventInbox(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Applies the work {@code workFor} names for the message's event; {@code workFor} answers null for an event of no
     * use here, which is acknowledged as it is.
     */
    public Uni<Void> consume(Message<String> message, Function<EventEnvelope, Supplier<Uni<Void>>> workFor) {
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.read(message);
        } catch (UnreadableEventException e) {
            LOG.warnf("Unreadable record sent to the dead-letter topic: %s", e.getMessage());
            registry.counter("funnel.events.unreadable").increment();
            return Uni.createFrom().completionStage(message.nack(e));
        }
        Supplier<Uni<Void>> work = workFor.apply(envelope);
        if (work == null) {
            registry.counter("funnel.events.ignored", "type", envelope.type()).increment();
            return Uni.createFrom().completionStage(message.ack());
        }
        return applyOnce(envelope, work)
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).atMost(MAX_ATTEMPTS)
                .onItemOrFailure().transformToUni((applied, failure) -> {
                    if (failure != null) {
                        LOG.errorf(failure, "Event %s (%s) failed %d times; sent to the dead-letter topic",
                                envelope.id(), envelope.type(), MAX_ATTEMPTS);
                        return Uni.createFrom().completionStage(message.nack(failure));
                    }
                    registry.counter("funnel.events.consumed", "type", envelope.type(),
                            "duplicate", String.valueOf(!applied)).increment();
                    return Uni.createFrom().completionStage(message.ack());
                });
    }

    /** Answers whether the handler ran (false: a duplicate). */
    private Uni<Boolean> applyOnce(EventEnvelope envelope, Supplier<Uni<Void>> work) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into processed_event (event_id, topic) values (?1, ?2) on conflict do nothing")
                        .setParameter(1, envelope.id())
                        .setParameter(2, envelope.topic())
                        .executeUpdate())
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().item(false)
                        : work.get().replaceWith(true)));
    }
}
