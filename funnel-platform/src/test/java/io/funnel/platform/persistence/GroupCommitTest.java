package io.funnel.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.funnel.platform.SafeContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Vertx vertx = Vertx.vertx();
    private final SafeContext contexts = new SafeContext(vertx);
    private final List<List<Integer>> groups = new CopyOnWriteArrayList<>();
    private final List<Integer> alone = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void requestsArrivingWhileTheTransactionsAreBusyShareTheNextOne() {
        CompletableFuture<Void> firstHeld = new CompletableFuture<>();
        GroupCommit<Integer, String> commits = new GroupCommit<>(contexts, this::together,
                i -> held(firstHeld).replaceWith(answerAlone(i)), 3, 1);

        CompletableFuture<String> first = pending(commits, 0);
        List<CompletableFuture<String>> next = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> pending(commits, i)).toList();
        firstHeld.complete(null);

        assertThat(first.join()).isEqualTo("alone 0");
        assertThat(next.stream().map(CompletableFuture::join)).containsExactly(
                "together 1", "together 2", "together 3", "together 4", "together 5");
        assertThat(groups).containsExactly(List.of(1, 2, 3), List.of(4, 5));
    }

    @Test
    void aFailedGroupIsDoneAgainOneRequestAtATimeSoThatOnlyTheFailingOneFails() {
        CompletableFuture<Void> firstHeld = new CompletableFuture<>();
        GroupCommit<Integer, String> commits = new GroupCommit<>(contexts,
                group -> Uni.createFrom().failure(new IllegalStateException("conflict in the group")),
                i -> i == 0 ? held(firstHeld).replaceWith(answerAlone(i))
                        : i == 2 ? Uni.createFrom().failure(new IllegalArgumentException("refused 2"))
                        : answerAlone(i), 10, 1);

        CompletableFuture<String> first = pending(commits, 0);
        List<CompletableFuture<String>> next = IntStream.rangeClosed(1, 3)
                .mapToObj(i -> pending(commits, i)).toList();
        firstHeld.complete(null);

        assertThat(first.join()).isEqualTo("alone 0");
        assertThat(next.get(0).join()).isEqualTo("alone 1");
        assertThatThrownBy(next.get(1)::join).hasRootCauseMessage("refused 2");
        assertThat(next.get(2).join()).isEqualTo("alone 3");
        assertThat(alone).containsExactly(0, 1, 3);
    }

    @Test
    void workThatThrowsInsteadOfFailingLeavesNobodyWaiting() {
        CompletableFuture<Void> firstHeld = new CompletableFuture<>();
        GroupCommit<Integer, String> commits = new GroupCommit<>(contexts,
                group -> {
                    throw new IllegalStateException("thrown by the group");
                },
                i -> {
                    if (i == 1) {
                        throw new IllegalStateException("thrown for 1");
                    }
                    return i == 0 ? held(firstHeld).replaceWith(answerAlone(i)) : answerAlone(i);
                }, 10, 1);

        CompletableFuture<String> first = pending(commits, 0);
        CompletableFuture<String> one = pending(commits, 1);
        CompletableFuture<String> two = pending(commits, 2);
        firstHeld.complete(null);

        assertThat(first.join()).isEqualTo("alone 0");
        assertThatThrownBy(one::join).hasRootCauseMessage("thrown for 1");
        assertThat(two.join()).isEqualTo("alone 2");
    }

    @Test
    void aLoneRequestIsCommittedAloneAtOnce() {
        GroupCommit<Integer, String> commits = new GroupCommit<>(contexts, this::together, this::answerAlone, 10, 4);

        assertThat(commits.submit(7).await().atMost(WAIT)).isEqualTo("alone 7");
        assertThat(commits.submit(8).await().atMost(WAIT)).isEqualTo("alone 8");
        assertThat(groups).isEmpty();
    }

    @Test
    void theAnswerArrivesOnTheCallersContext() throws Exception {
        GroupCommit<Integer, String> commits = new GroupCommit<>(contexts, this::together, this::answerAlone, 10, 4);
        Context caller = vertx.getOrCreateContext();
        CompletableFuture<Boolean> onCaller = new CompletableFuture<>();

        caller.runOnContext(ignored -> commits.submit(1).subscribe().with(
                answer -> onCaller.complete(Vertx.currentContext() == caller),
                onCaller::completeExceptionally));

        assertThat(onCaller.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void refusesAGroupOfNothing() {
        assertThatThrownBy(() -> new GroupCommit<>(contexts, this::together, this::answerAlone, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Uni<List<String>> together(List<Integer> group) {
        groups.add(group);
        return Uni.createFrom().item(group.stream().map(i -> "together " + i).toList());
    }

    private Uni<String> answerAlone(int i) {
        return Uni.createFrom().item(() -> {
            alone.add(i);
            return "alone " + i;
        });
    }

    private static Uni<Void> held(CompletableFuture<Void> release) {
        return Uni.createFrom().completionStage(release);
    }

    /** Submits a request; its answer, which must come within {@link #WAIT}. */
    private static CompletableFuture<String> pending(GroupCommit<Integer, String> commits, int request) {
        return commits.submit(request).subscribeAsCompletionStage().orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
