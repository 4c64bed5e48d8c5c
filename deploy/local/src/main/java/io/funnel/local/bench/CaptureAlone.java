package io.funnel.local.bench;

import io.funnel.events.Topics;
import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Capture's own ceiling on this machine: the three consumers frozen (SIGSTOP) while capture takes leads as fast as it
 * answers, its outbox relay still publishing every event to the broker; then they are let go and the phase waits
 * until they have caught up. The CPU each part spent per lead says what capture's rate is made of, and so how far the
 * machine is from the capture target: at the target rate the cores have {@code cores × 1000 / rate} ms per lead.
 */
final class CaptureAlone {

    private static final List<FunnelService> CONSUMERS =
            List.of(FunnelService.QUALIFICATION, FunnelService.PIPELINE, FunnelService.REPORTING);

    record Result(LeadLoad.Result capture, Map<String, Double> cpuSeconds, int cores) {

        double cpuMillisPerLead(String part) {
            return perLead(cpuSeconds.getOrDefault(part, 0.0));
        }

        double totalCpuMillisPerLead() {
            return perLead(CpuMeter.total(cpuSeconds));
        }

        String markdown(int targetRate) {
            double total = totalCpuMillisPerLead();
            StringBuilder md = new StringBuilder(String.format("%,d leads in %.0f s, **%,.0f leads/s**, p50 %.1f ms, "
                            + "p99 %.1f ms; CPU %.2f ms per lead in all, so the %d cores allow ~%,.0f leads/s at this "
                            + "cost, and %,d leads/s needs %.2f ms per lead.%n%n", capture.acknowledged(),
                    capture.seconds(), capture.perSecond(), capture.latencies().percentileMillis(50),
                    capture.latencies().percentileMillis(99), total, cores, cores * 1000 / total, targetRate,
                    cores * 1000.0 / targetRate));
            md.append("| part | CPU s | CPU ms per lead |\n|---|---|---|\n");
            cpuSeconds.forEach((part, used) -> md.append(String.format("| %s | %.1f | %.2f |%n", part, used,
                    perLead(used))));
            return md.toString();
        }

        private double perLead(double seconds) {
            return capture.acknowledged() == 0 ? 0 : 1000 * seconds / capture.acknowledged();
        }
    }

    private CaptureAlone() {
    }

    static Result run(FunnelStack stack, LeadLoad load, int clients, Duration duration) throws Exception {
        CpuMeter cpu = new CpuMeter(stack);
        CONSUMERS.forEach(consumer -> stack.process(consumer).freeze());
        CpuMeter.Span span = cpu.start();
        LeadLoad.Result capture;
        try {
            capture = load.closedLoop(clients, duration, false);
        } finally {
            CONSUMERS.forEach(consumer -> stack.process(consumer).thaw());
        }
        Map<String, Double> used = span.used().seconds();
        // A consumer frozen past its session timeout has left its group, which the broker's total lag then skips.
        for (FunnelService consumer : CONSUMERS) {
            Quiet.await(() -> stack.broker().lag(consumer.module(), Topics.LEADS) == 0, Duration.ofMillis(500),
                    Duration.ofMinutes(10));
        }
        SystemThroughput.awaitConsumers(stack, Duration.ofMinutes(10));
        return new Result(capture, used, Runtime.getRuntime().availableProcessors());
    }
}
