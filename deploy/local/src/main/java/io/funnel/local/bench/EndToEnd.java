package io.funnel.local.bench;

import io.funnel.events.Topics;
import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import java.time.Duration;
import java.util.Map;

/**
 * Leads posted at a fixed rate (open loop) once every consumer has caught up, and for each acknowledged lead the time
 * from capture's 201 until it is visible in reporting (its live stream announces the committed projection) and until
 * its {@code LeadQualified} is on Kafka (an independent consumer sees it).
 */
final class EndToEnd {

    private static final Duration SETTLE = Duration.ofSeconds(60);

    record Result(int rate, LeadLoad.Result posted, Latencies projected, Latencies qualified) {

        /** Every acknowledged lead reached both ends. */
        boolean complete() {
            return projected.count() == posted.acknowledged() && qualified.count() == posted.acknowledged();
        }

        double p99Millis() {
            return Math.max(projected.percentileMillis(99), qualified.percentileMillis(99));
        }

        static String header() {
            return "| rate | why | leads acknowledged | visible in reporting | p50 ms | p99 ms | `LeadQualified` on Kafka"
                    + " | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|---|---|---|\n";
        }

        String row(String why) {
            return String.format("| %d/s open loop | %s | %d | %d | %s | %s | %d | %s | %s | %s |%n", rate, why,
                    posted.acknowledged(), projected.count(), millis(projected, 50), millis(projected, 99),
                    qualified.count(), millis(qualified, 50), millis(qualified, 99), millis(qualified, 100));
        }

        String summary() {
            return String.format("at %d/s: visible in reporting p99 %s ms (%d of %d), `LeadQualified` p99 %s ms (%d of %d)"
                    + " within %d s", rate, millis(projected, 99), projected.count(), posted.acknowledged(),
                    millis(qualified, 99), qualified.count(), posted.acknowledged(), SETTLE.toSeconds());
        }

        private static String millis(Latencies latencies, double percentile) {
            return latencies.count() == 0 ? "—" : String.format("%.0f", latencies.percentileMillis(percentile));
        }
    }

    private EndToEnd() {
    }

    static Result run(FunnelStack stack, LeadLoad load, int rate, Duration phase) throws Exception {
        SystemThroughput.awaitConsumers(stack, Duration.ofMinutes(10));
        try (QualifiedWatcher qualified = new QualifiedWatcher(stack.broker().bootstrapServers(),
                Topics.QUALIFICATION);
             ProjectedWatcher projected = new ProjectedWatcher(stack.url(FunnelService.REPORTING))) {
            LeadLoad.Result posted = load.openLoop(rate, phase, true);
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while ((qualified.seenAtNanos().size() < posted.acknowledged()
                    || projected.seenAtNanos().size() < posted.acknowledged()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            return new Result(rate, posted, since(posted, projected.seenAtNanos()),
                    since(posted, qualified.seenAtNanos()));
        }
    }

    private static Latencies since(LeadLoad.Result posted, Map<String, Long> seenAtNanos) {
        Latencies latencies = new Latencies();
        for (Map.Entry<String, Long> acked : posted.acknowledgedAtNanos().entrySet()) {
            Long seen = seenAtNanos.get(acked.getKey());
            if (seen != null) {
                latencies.record(Math.max(0, seen - acked.getValue()) / 1000);
            }
        }
        return latencies;
    }
}
