package io.funnel.platform;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps a value in the current Vert.x (duplicated) context for as long as some asynchronous work runs, the way
 * Hibernate Reactive keeps its session there: code deep inside the work finds it without it being passed along.
 */
public final class ContextScope {

    private ContextScope() {
    }

    /**
     * Runs the work with a fresh value under {@code key}; the value is removed when the work ends, however it ends.
     * The context is the one the work started on: work may end on another thread (a driver's or client's callback),
     * where there is no current context to remove it from.
     */
    public static <V, T> Uni<T> with(String key, Supplier<V> value, Function<V, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            V fresh = value.get();
            ContextLocals.put(key, fresh);
            Context started = Vertx.currentContext();
            return work.apply(fresh).eventually(() -> started.removeLocal(key));
        });
    }

    /** The value under {@code key} in the current context; none outside {@link #with} or off a Vert.x context. */
    public static <V> Optional<V> current(String key) {
        Context context = Vertx.currentContext();
        return context != null && VertxContext.isDuplicatedContext(context) ? Optional.ofNullable(context.getLocal(key))
                : Optional.empty();
    }
}
