package io.funnel.platform.persistence;

import io.funnel.platform.ContextScope;
import io.funnel.platform.InOrder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Inserts of rows nothing reads back in the same transaction (outbox events, score history), held back while some work
 * runs and then written with one statement per table: a consumer's batch of events then costs one insert per table
 * instead of one per event. Outside {@link #holding} an insert runs at once.
 */
public final class HeldInserts {

    private static final String HELD = HeldInserts.class.getName();

    private HeldInserts() {
    }

    /** Inserts the rows with the statement now, or at the end of the work that holds inserts. */
    public static Uni<Void> insert(RecordsetStatement statement, List<Object[]> rows) {
        Optional<Map<RecordsetStatement, List<Object[]>>> held = ContextScope.current(HELD);
        if (held.isPresent()) {
            held.get().computeIfAbsent(statement, s -> new ArrayList<>()).addAll(rows);
            return Uni.createFrom().voidItem();
        }
        return statement.execute(rows).replaceWithVoid();
    }

    /**
     * Runs the work (in the caller's transaction) with what it inserts held back, then writes each statement's rows,
     * in the order they were added, with one statement per table, in the order the tables were first written.
     */
    public static <T> Uni<T> holding(Supplier<Uni<T>> work) {
        return Panache.getSession().chain(session -> ContextScope.with(HELD,
                LinkedHashMap<RecordsetStatement, List<Object[]>>::new,
                held -> work.get().call(() -> InOrder.each(held.entrySet(),
                        entry -> entry.getKey().execute(session, entry.getValue())))));
    }
}
