package io.funnel.reporting.messaging;

import io.funnel.events.EventTypes;
import io.funnel.platform.messaging.EventEnvelope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Announces each projected event to the dashboards listening (server-sent events). Only the type, the subject (a
 * lead or visitor id) and the event time go out: never personal data.
 */
@ApplicationScoped
public class LiveUpdates {

    public record LiveEvent(String type, String subject, Instant occurredAt) {
    }

    /** The types announcements name: each event's record name, e.g. {@code LeadCaptured}. */
    public static final Set<String> TYPES = EventTypes.all().values().stream().map(Class::getSimpleName)
            .collect(Collectors.toUnmodifiableSet());

    /** Some 4 s of announcements at 500 leads/s, five events each. */
    static final int MAX_BEHIND = 10_000;

    private final BroadcastProcessor<LiveEvent> processor = BroadcastProcessor.create();

    /** Several channels project at once; the processor needs its signals one at a time. */
    public synchronized void announce(EventEnvelope envelope) {
        processor.onNext(new LiveEvent(envelope.event().getClass().getSimpleName(), envelope.event().key(),
                envelope.time()));
    }

    /**
     * Announcements of the given {@link #TYPES}, or of every type when none is given. The types are chosen before
     * the listener's buffer, so announcements it did not ask for neither take room there nor cost a write.
     * <p>
     * A listener that falls more than {@link #MAX_BEHIND} announcements behind (a stalled browser whose connection
     * stays open) has its stream ended with a failure, so that it neither holds the consumers back nor fills the
     * heap; the dashboard then reconnects and redraws what it missed.
     * <p>
     * Announcements are written on the thread that announces, or on the connection's event loop when the last write
     * completes. Handing each to a worker thread ({@code emitOn}) cost two thread hops per server-sent event, and
     * under load the stream fell more than 10,000 announcements behind the committed projection (see the README's
     * benchmark).
     */
    public Multi<LiveEvent> stream(Set<String> types) {
        Multi<LiveEvent> announced = types.isEmpty() ? processor
                : processor.select().where(event -> types.contains(event.type()));
        return announced.onOverflow().buffer(MAX_BEHIND);
    }
}
