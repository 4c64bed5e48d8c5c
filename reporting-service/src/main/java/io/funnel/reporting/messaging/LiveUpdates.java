package io.funnel.reporting.messaging;

import io.funnel.platform.messaging.EventEnvelope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Announces each projected event to the dashboards listening (server-sent events). Only the type, the subject (a
 * lead or visitor id) and the event time go out: never personal data.
 */
@ApplicationScoped
public class LiveUpdates {

    public record LiveEvent(String type, String subject, Instant occurredAt) {
    }

    /** Some 4 s of announcements at 500 leads/s, five events each. */
    static final int MAX_BEHIND = 10_000;

    private final BroadcastProcessor<LiveEvent> processor = BroadcastProcessor.create();

    /** Several channels project at once; the processor needs its signals one at a time. */
    public synchronized void announce(EventEnvelope envelope) {
        String type = envelope.type().replace("io.funnel.", "").replace(".v1", "");
        processor.onNext(new LiveEvent(type, envelope.event().key(), envelope.time()));
    }

    /**
     * A listener that falls more than {@link #MAX_BEHIND} announcements behind (a stalled browser whose connection
     * stays open) has its stream ended with a failure, so that it neither holds the consumers back nor fills the
     * heap; the dashboard then reconnects and redraws what it missed.
     * <p>
     * Announcements are written on the thread that announces, or on the connection's event loop when the last write
     * completes. Handing each to a worker thread ({@code emitOn}) cost two thread hops per server-sent event, and
     * under load the stream fell more than 10,000 announcements behind the committed projection (see the README's
     * benchmark).
     */
    public Multi<LiveEvent> stream() {
        return processor.onOverflow().buffer(MAX_BEHIND);
    }
}
