package io.funnel.platform.messaging;

import io.funnel.platform.ContextScope;
import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reference data (a scoring model's version, personas, agreement terms) read once per consumed batch instead of once
 * per event. {@link EventInbox} opens a memo around each batch's transaction; outside one (an HTTP request, a job)
 * every call reads afresh. Whoever changes such data inside a batch forgets its key, so later events see the change.
 */
public final class BatchMemo {

    private static final String MEMO = BatchMemo.class.getName();

    private BatchMemo() {
    }

    /** Runs the work with a memo open; it is gone when the work ends. */
    static <T> Uni<T> open(Supplier<Uni<T>> work) {
        return ContextScope.with(MEMO, HashMap<String, Object>::new, memo -> work.get());
    }

    /** The value of {@code key}, loaded at its first use in the batch (never null). */
    @SuppressWarnings("unchecked")
    public static <T> Uni<T> remember(String key, Supplier<Uni<T>> load) {
        Optional<Map<String, Object>> memo = ContextScope.current(MEMO);
        if (memo.isEmpty()) {
            return load.get();
        }
        T known = (T) memo.get().get(key);
        return known != null ? Uni.createFrom().item(known) : load.get().invoke(value -> memo.get().put(key, value));
    }

    /** The value of {@code key} if the batch loaded it; empty before that, and outside a batch. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> loaded(String key) {
        return ContextScope.<Map<String, Object>>current(MEMO).map(memo -> (T) memo.get(key));
    }

    /** Drops the value of {@code key}, changed by the batch itself. */
    public static void forget(String key) {
        ContextScope.<Map<String, Object>>current(MEMO).ifPresent(memo -> memo.remove(key));
    }
}
