package io.funnel.reporting.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1), 12);

    @Test
    void theWaitDoublesWithEachFailureBetweenHalfAndAllOfIt() {
        Random random = new Random(7);
        for (int attempts = 1; attempts <= 8; attempts++) {
            long ceiling = 10_000L << (attempts - 1);
            for (int i = 0; i < 200; i++) {
                assertThat(policy.delayAfter(attempts, random).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void theWaitNeverExceedsTheMaximum() {
        Random random = new Random(11);
        for (int attempts = 10; attempts <= 200; attempts++) {
            assertThat(policy.delayAfter(attempts, random)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
        }
    }

    @Test
    void theLastAttemptIsTheMaximumNumber() {
        assertThat(policy.exhausted(11)).isFalse();
        assertThat(policy.exhausted(12)).isTrue();
    }
}
