package io.funnel.platform;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps a value in the current Vert.x (duplicated) context for as long as some asynchronous work runs, the way
 * Hibernate Reactive keeps its session there: code deep inside the work finds it without it being passed along.
 */
public final class ContextScope {

    private ContextScope() {
    }

    /** Runs the work with a fresh value under {@code key}; the value is removed when the work ends, however it ends. */
    public static <V, T> Uni<T> with(String key, Supplier<V> value, Function<V, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            V fresh = value.get();
            ContextLocals.put(key, fresh);
            return work.apply(fresh);
        }).eventually(() -> ContextLocals.remove(key));
    }
}
