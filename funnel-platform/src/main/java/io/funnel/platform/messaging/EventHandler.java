package io.funnel.platform.messaging;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** What a service does with consumed events; {@link EventInbox} calls it inside the transaction that logs them. */
public interface EventHandler {

    /** False for an event of no use here: it is acknowledged without a transaction. */
    boolean wants(EventEnvelope envelope);

    /** Applies events not applied before, in the order they were consumed. */
    Uni<Void> apply(List<EventEnvelope> events);

    /** One piece of work per event, one after the other; {@code workFor} answers null for an event of no use. */
    static EventHandler eachWith(Function<EventEnvelope, Supplier<Uni<Void>>> workFor) {
        return new EventHandler() {
            @Override
            public boolean wants(EventEnvelope envelope) {
                return workFor.apply(envelope) != null;
            }

            @Override
            public Uni<Void> apply(List<EventEnvelope> events) {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (EventEnvelope event : events) {
                    chain = chain.chain(() -> workFor.apply(event).get());
                }
                return chain;
            }
        };
    }
}
