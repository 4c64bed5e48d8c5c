package io.funnel.reporting.messaging;

import io.funnel.platform.messaging.EventEnvelope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
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

    private final BroadcastProcessor<LiveEvent> processor = BroadcastProcessor.create();

    /** Several channels project at once; the processor needs its signals one at a time. */
    public synchronized void announce(EventEnvelope envelope) {
        String type = envelope.type().replace("io.funnel.", "").replace(".v1", "");
        processor.onNext(new LiveEvent(type, envelope.event().key(), envelope.time()));
    }

    /** A slow browser loses the oldest announcements rather than holding the consumers back. */
    public Multi<LiveEvent> stream() {
        return processor.onOverflow().bufferUnconditionally().emitOn(io.smallrye.mutiny.infrastructure.Infrastructure
                .getDefaultExecutor());
    }
}
