package io.funnel.local.bench;

import io.funnel.events.Topics;
import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import io.funnel.local.ServiceProcess;
import java.time.Duration;
import java.util.Map;

/**
 * Qualification catching up after a stall: its process is frozen (SIGSTOP) while leads are captured for the phase, and
 * let go (SIGCONT) once the other consumers have taken those captures; timed from then until every consumer group has
 * caught up (qualification's backlog, then the pipeline's and reporting's work on what it publishes). Its JVM stays
 * warm, so this measures its consumers on full polls, where reading once per batch instead of once per event pays
 * off, not a cold start; the CPU per lead is each part's CPU over that time divided by the backlog.
 */
final class CatchUpPhase {

    record Result(long backlog, double seconds, Map<String, Double> cpuSeconds) {

        double leadsPerSecond() {
            return backlog / seconds;
        }

        String markdown() {
            StringBuilder md = new StringBuilder(String.format("%,d captured leads waited for qualification; every "
                    + "consumer caught up %.1f s after it went on: **%,.0f leads/s**.%n%n", backlog, seconds,
                    leadsPerSecond()));
            md.append("| part | CPU s | CPU ms per lead |\n|---|---|---|\n");
            cpuSeconds.forEach((part, used) -> md.append(String.format("| %s | %.1f | %.2f |%n", part, used,
                    cpuMillisPerLead(part))));
            return md.toString();
        }

        double cpuMillisPerLead(String part) {
            return backlog == 0 ? 0 : 1000 * cpuSeconds.getOrDefault(part, 0.0) / backlog;
        }
    }

    private static final Duration QUIET_APART = Duration.ofMillis(500);

    private CatchUpPhase() {
    }

    static Result run(FunnelStack stack, LeadLoad load, int clients, Duration duration) throws Exception {
        ServiceProcess qualification = stack.process(FunnelService.QUALIFICATION);
        qualification.freeze();
        load.closedLoop(clients, duration, true);
        Quiet.await(() -> lag(stack, FunnelService.PIPELINE) == 0 && lag(stack, FunnelService.REPORTING) == 0,
                QUIET_APART, Duration.ofMinutes(5));
        long backlog = lag(stack, FunnelService.QUALIFICATION);
        CpuMeter cpu = new CpuMeter(stack);
        CpuMeter.Span span = cpu.start();
        long start = System.nanoTime();
        qualification.thaw();
        // the broker may have dropped it from its group meanwhile, and the stack's lag counts only groups with members
        Quiet.await(() -> lag(stack, FunnelService.QUALIFICATION) == 0, QUIET_APART, Duration.ofMinutes(10));
        long caughtUp = Quiet.await(() -> stack.broker().totalLag() == 0, Duration.ofSeconds(1),
                Duration.ofMinutes(10));
        return new Result(backlog, (caughtUp - start) / 1e9, span.used().seconds());
    }

    private static long lag(FunnelStack stack, FunnelService consumer) {
        return stack.broker().lag(consumer.module(), Topics.LEADS);
    }
}
