package io.funnel.local.bench;

import io.funnel.events.Topics;
import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import java.time.Duration;
import java.util.Map;

/**
 * Qualification back after an outage: it is stopped while leads are captured for the phase, and once the other
 * consumers have taken those captures it is started again; timed from when it is ready until every consumer group has
 * caught up (qualification's backlog, then the pipeline's and reporting's work on what it publishes). Consumers then
 * take full polls, the case where reading once per batch instead of once per event pays off; the CPU per lead is
 * each part's CPU over that time divided by the backlog.
 */
final class CatchUpPhase {

    record Result(long backlog, double seconds, Map<String, Double> cpuSeconds) {

        double leadsPerSecond() {
            return backlog / seconds;
        }

        String markdown() {
            StringBuilder md = new StringBuilder(String.format("%,d captured leads waited for qualification; every "
                    + "consumer caught up %.1f s after it was ready: **%,.0f leads/s**.%n%n", backlog, seconds,
                    leadsPerSecond()));
            md.append("| part | CPU s | CPU ms per lead |\n|---|---|---|\n");
            cpuSeconds.forEach((part, used) -> md.append(String.format("| %s | %.1f | %.2f |%n", part, used,
                    backlog == 0 ? 0 : 1000 * used / backlog)));
            return md.toString();
        }
    }

    private static final Duration QUIET_APART = Duration.ofMillis(500);

    private CatchUpPhase() {
    }

    static Result run(FunnelStack stack, LeadLoad load, int clients, Duration duration) throws Exception {
        stack.kill(FunnelService.QUALIFICATION);
        load.closedLoop(clients, duration, true);
        Quiet.await(() -> lag(stack, FunnelService.PIPELINE) == 0 && lag(stack, FunnelService.REPORTING) == 0,
                QUIET_APART, Duration.ofMinutes(5));
        long backlog = lag(stack, FunnelService.QUALIFICATION);
        stack.start(FunnelService.QUALIFICATION);
        CpuMeter cpu = new CpuMeter(stack);
        Map<String, Double> before = cpu.seconds();
        long start = System.nanoTime();
        // its group has no members until it joins, and the whole stack's lag counts only groups with members
        Quiet.await(() -> lag(stack, FunnelService.QUALIFICATION) == 0, QUIET_APART, Duration.ofMinutes(10));
        long caughtUp = Quiet.await(() -> stack.broker().totalLag() == 0, Duration.ofSeconds(1),
                Duration.ofMinutes(10));
        return new Result(backlog, (caughtUp - start) / 1e9, CpuMeter.between(before, cpu.seconds()));
    }

    private static long lag(FunnelStack stack, FunnelService consumer) {
        return stack.broker().lag(consumer.module(), Topics.LEADS);
    }
}
