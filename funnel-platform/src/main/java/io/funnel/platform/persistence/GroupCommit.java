package io.funnel.platform.persistence;

import io.funnel.platform.InOrder;
import io.funnel.platform.SafeContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Concurrent requests for one kind of write, committed in groups: while {@code maxTransactions} transactions are under
 * way, new requests wait, and the next transaction takes up to {@code maxItems} of them. A commit (its WAL flush and
 * round trips) costs PostgreSQL more than a lead's rows, so under load it commits once per group instead of once per
 * request; a request that finds a transaction free starts at once, alone. A group's transaction that fails is done
 * again one request per transaction, so a request's failure (a conflict, a refused key) stays its own and the others
 * get the answer they would have got alone.
 *
 * @param <T> a request
 * @param <R> its answer
 */
public final class GroupCommit<T, R> {

    private final SafeContext contexts;
    private final Function<List<T>, Uni<List<R>>> together;
    private final Function<T, Uni<R>> alone;
    private final int maxItems;
    private final int maxTransactions;
    private final Queue<Waiting<T, R>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();

    /**
     * @param together writes the requests in one transaction and answers in their order
     * @param alone writes one request in a transaction of its own
     */
    public GroupCommit(SafeContext contexts, Function<List<T>, Uni<List<R>>> together, Function<T, Uni<R>> alone,
            int maxItems, int maxTransactions) {
        if (maxItems < 1 || maxTransactions < 1) {
            throw new IllegalArgumentException("a group commit needs at least one item and one transaction");
        }
        this.contexts = contexts;
        this.together = together;
        this.alone = alone;
        this.maxItems = maxItems;
        this.maxTransactions = maxTransactions;
    }

    /** The request's answer once the transaction that took it committed, on the caller's Vert.x context. */
    public Uni<R> submit(T request) {
        return Uni.createFrom().emitter(emitter -> {
            waiting.add(new Waiting<>(request, emitter, Vertx.currentContext()));
            startTransactions();
        });
    }

    private void startTransactions() {
        while (!waiting.isEmpty() && running.getAndUpdate(n -> n < maxTransactions ? n + 1 : n) < maxTransactions) {
            List<Waiting<T, R>> group = new ArrayList<>();
            for (Waiting<T, R> next; group.size() < maxItems && (next = waiting.poll()) != null; ) {
                group.add(next);
            }
            if (group.isEmpty()) {
                running.decrementAndGet();
                return;
            }
            contexts.run(() -> commit(group))
                    // Not expected: commit answers every request itself. Should it fail, nobody is left waiting.
                    .onFailure().invoke(failure -> group.forEach(one -> one.fail(failure)))
                    .subscribe().with(done -> finished(), failed -> finished());
        }
    }

    private void finished() {
        running.decrementAndGet();
        startTransactions();
    }

    private Uni<Void> commit(List<Waiting<T, R>> group) {
        if (group.size() == 1) {
            return eachAlone(group);
        }
        return Uni.createFrom().deferred(() -> together.apply(group.stream().map(Waiting::request).toList()))
                .invoke(answers -> {
                    for (int i = 0; i < group.size(); i++) {
                        group.get(i).answer(answers.get(i));
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> eachAlone(group));
    }

    private Uni<Void> eachAlone(List<Waiting<T, R>> group) {
        return InOrder.each(group, one -> Uni.createFrom().deferred(() -> alone.apply(one.request()))
                .onItem().invoke(one::answer)
                .onFailure().invoke(one::fail)
                .onFailure().recoverWithNull());
    }

    private record Waiting<T, R>(T request, UniEmitter<? super R> emitter, Context context) {

        void answer(R answer) {
            onCallersContext(() -> emitter.complete(answer));
        }

        void fail(Throwable failure) {
            onCallersContext(() -> emitter.fail(failure));
        }

        private void onCallersContext(Runnable action) {
            if (context == null) {
                action.run();
            } else {
                context.runOnContext(ignored -> action.run());
            }
        }
    }
}
