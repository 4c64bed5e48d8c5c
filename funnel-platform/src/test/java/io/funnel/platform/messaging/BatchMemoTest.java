package io.funnel.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchMemoTest {

    private static final String KEY = "personas";

    private final AtomicInteger loads = new AtomicInteger();
    private Vertx vertx;
    /** One duplicated context, as a consumer's batches or an HTTP request's steps run on. */
    private Context context;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
        context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    }

    @AfterEach
    void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private Uni<Integer> load() {
        return Uni.createFrom().item(loads::incrementAndGet);
    }

    private Uni<Integer> remembered() {
        return BatchMemo.remember(KEY, this::load);
    }

    private <T> T onContext(Supplier<Uni<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
        return result.orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void aBatchLoadsEachKeyOnce() {
        List<Integer> seen = onContext(() -> BatchMemo.open(() -> remembered()
                .chain(first -> remembered().map(second -> List.of(first, second)))));

        assertThat(seen).containsExactly(1, 1);
        assertThat(loads).hasValue(1);
    }

    @Test
    void whatTheBatchChangedIsLoadedAgainAfterItForgetsIt() {
        List<Integer> seen = onContext(() -> BatchMemo.open(() -> remembered()
                .invoke(() -> BatchMemo.forget(KEY))
                .chain(first -> remembered().map(second -> List.of(first, second)))));

        assertThat(seen).containsExactly(1, 2);
    }

    @Test
    void withoutABatchEveryCallLoads() {
        List<Integer> seen = onContext(() -> remembered().chain(first -> remembered()
                .map(second -> List.of(first, second))));

        assertThat(seen).containsExactly(1, 2);
    }

    @Test
    void offAVertxThreadEveryCallLoads() {
        assertThat(List.of(remembered().await().indefinitely(), remembered().await().indefinitely()))
                .containsExactly(1, 2);
    }

    @Test
    void theNextBatchStartsAfresh() {
        onContext(() -> BatchMemo.open(this::remembered));

        assertThat(onContext(() -> BatchMemo.open(this::remembered))).isEqualTo(2);
    }

    @Test
    void aBatchWhoseWorkEndsOnAnotherThreadEndsAndLeavesNothingBehind() {
        ExecutorService elsewhere = Executors.newSingleThreadExecutor();
        try {
            Integer seen = onContext(() -> BatchMemo.open(() -> remembered().emitOn(elsewhere)));

            assertThat(seen).isEqualTo(1);
            assertThat(onContext(this::remembered)).isEqualTo(2);
        } finally {
            elsewhere.shutdownNow();
        }
    }

    @Test
    void nothingIsRememberedAfterTheBatch() {
        onContext(() -> BatchMemo.open(this::remembered));

        assertThat(onContext(this::remembered)).isEqualTo(2);
    }
}
