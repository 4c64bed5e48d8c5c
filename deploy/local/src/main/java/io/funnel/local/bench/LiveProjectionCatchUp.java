package io.funnel.local.bench;

import io.funnel.events.Topics;
import io.funnel.local.KafkaBroker;
import java.time.Duration;
import java.util.List;

/**
 * Waits until reporting's live consumers have committed every record of the topics it projects, so a rebuild that
 * follows is measured alone rather than beside a live projection still catching up.
 */
final class LiveProjectionCatchUp {

    /** Reporting's consumer group: Quarkus names it after the application. */
    private static final String GROUP = "reporting-service";
    private static final List<String> TOPICS = List.of(Topics.LEADS, Topics.ACTIVITIES, Topics.MARKETING,
            Topics.QUALIFICATION, Topics.PIPELINE);

    record Result(boolean caughtUp, long lagLeft, double seconds) {
    }

    private LiveProjectionCatchUp() {
    }

    /** Waits from {@code sinceNanos} (when the records started to arrive) until no lag is left, or the timeout. */
    static Result await(KafkaBroker broker, long sinceNanos, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lag = lag(broker);
        while (lag > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            lag = lag(broker);
        }
        return new Result(lag == 0, lag, (System.nanoTime() - sinceNanos) / 1e9);
    }

    private static long lag(KafkaBroker broker) {
        return TOPICS.stream().mapToLong(topic -> broker.lag(GROUP, topic)).sum();
    }
}
