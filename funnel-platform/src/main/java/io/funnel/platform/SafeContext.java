package io.funnel.platform;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs work on a fresh safe duplicated Vert.x context. Hibernate Reactive needs one, and timer, scheduler, worker and
 * test threads have none; a context of its own also lets overlapping work each hold a session.
 */
@ApplicationScoped
public class SafeContext {

    private final Vertx vertx;

    public SafeContext(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Starts {@code work} on a new safe context when subscribed; answers its outcome. */
    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        return runWith(context -> work.get());
    }

    /** As {@link #run}, handing {@code work} its context so blocking steps inside it can come back to it. */
    public <T> Uni<T> runWith(Function<Context, Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(done -> context.runOnContext(ignored ->
                Uni.createFrom().deferred(() -> work.apply(context)).subscribe().with(done::complete, done::fail)));
    }
}
