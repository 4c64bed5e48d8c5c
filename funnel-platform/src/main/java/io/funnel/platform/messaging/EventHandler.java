package io.funnel.platform.messaging;

import io.funnel.platform.InOrder;
import io.quarkus.hibernate.reactive.panache.Panache;
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

    /**
     * One piece of work per event, one after the other; {@code workFor} answers null for an event of no use. Each
     * event's changes are flushed and the session cleared before the next: every flush (also the one before each
     * query) checks every entity the session holds, so a session that kept a whole batch's entities would make each
     * event cost more than the one before.
     */
    static EventHandler eachWith(Function<EventEnvelope, Supplier<Uni<Void>>> workFor) {
        return eachWith(events -> Uni.createFrom().voidItem(), workFor);
    }

    /**
     * As {@link #eachWith(Function)}, after {@code prepare} ran once for the batch's events (in the same transaction):
     * e.g. to read what every event of the batch needs with one statement instead of one per event.
     */
    static EventHandler eachWith(Function<List<EventEnvelope>, Uni<Void>> prepare,
            Function<EventEnvelope, Supplier<Uni<Void>>> workFor) {
        return new EventHandler() {
            @Override
            public boolean wants(EventEnvelope envelope) {
                return workFor.apply(envelope) != null;
            }

            @Override
            public Uni<Void> apply(List<EventEnvelope> events) {
                return prepare.apply(events).chain(() -> InOrder.each(events, event -> workFor.apply(event).get()
                        .call(() -> Panache.getSession().chain(session -> session.flush().invoke(session::clear)))));
            }
        };
    }
}
