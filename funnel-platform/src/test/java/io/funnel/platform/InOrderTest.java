package io.funnel.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InOrderTest {

    @Test
    void runsTheWorkOfEveryItemInItsOrder() {
        List<Integer> seen = new ArrayList<>();

        InOrder.each(List.of(3, 1, 2), i -> Uni.createFrom().item(i).invoke(seen::add))
                .await().atMost(Duration.ofSeconds(5));

        assertThat(seen).containsExactly(3, 1, 2);
    }

    @Test
    void workThatCompletesAtOnceDoesNotGrowTheStack() {
        List<Integer> items = IntStream.range(0, 100_000).boxed().toList();
        List<Integer> seen = new ArrayList<>();

        InOrder.each(items, i -> Uni.createFrom().item(i).invoke(seen::add)).await().atMost(Duration.ofSeconds(30));

        assertThat(seen).hasSize(items.size());
    }

    @Test
    void stopsAtTheFirstFailure() {
        List<Integer> seen = new ArrayList<>();

        Uni<Void> all = InOrder.each(List.of(1, 2, 3), i -> i == 2
                ? Uni.createFrom().failure(new IllegalStateException("two"))
                : Uni.createFrom().item(i).invoke(seen::add));

        assertThatThrownBy(() -> all.await().atMost(Duration.ofSeconds(5))).hasMessage("two");
        assertThat(seen).containsExactly(1);
    }
}
