package io.funnel.reporting.webhooks;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter: after the n-th failed attempt the next one waits between half and all of
 * {@code base · 2^(n-1)}, at most {@code max}; the jitter spreads the retries of many deliveries that failed together
 * (a receiver that was down) instead of sending them back in one burst.
 */
record RetryPolicy(Duration base, Duration max, int maxAttempts) {

    static RetryPolicy of(WebhookConfig config) {
        return new RetryPolicy(config.backoff(), config.maxBackoff(), config.maxAttempts());
    }

    boolean exhausted(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }

    Duration delayAfter(int attemptsMade, RandomGenerator random) {
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), base.toMillis() << doublings);
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }
}
