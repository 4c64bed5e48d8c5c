package io.funnel.local.bench;

import io.funnel.local.FunnelStack;
import java.time.Duration;
import java.util.Map;

/**
 * Leads captured as fast as capture answers, then the time until every consumer group caught up: the leads per second
 * the whole funnel handles (captured, scored, routed, reported), and the CPU each part of the stack spent per lead.
 */
final class SystemThroughput {

    /** {@code compilerSeconds}: what the services' JIT compilers used meanwhile, included in their figures. */
    record Result(LeadLoad.Result capture, double drainSeconds, Map<String, Double> cpuSeconds,
            double compilerSeconds, int cores) {

        double elapsedSeconds() {
            return capture.seconds() + drainSeconds;
        }

        double leadsPerSecond() {
            return capture.acknowledged() / elapsedSeconds();
        }

        String markdown() {
            double total = totalCpuSeconds();
            StringBuilder md = new StringBuilder(String.format(
                    "%,d leads captured in %.0f s (%,.0f/s, p50 %.0f ms, p99 %.0f ms); every consumer caught up %.0f s "
                            + "later: **%,.0f leads/s through the whole funnel**. CPU used: %.0f s of the %.0f s the "
                            + "%d cores offered (%.0f%%).%n%n",
                    capture.acknowledged(), capture.seconds(), capture.perSecond(),
                    capture.latencies().percentileMillis(50), capture.latencies().percentileMillis(99),
                    drainSeconds, leadsPerSecond(), total, cores * elapsedSeconds(), cores,
                    100 * total / (cores * elapsedSeconds())));
            md.append("| part | CPU s | CPU ms per lead | share |\n|---|---|---|---|\n");
            cpuSeconds.forEach((part, seconds) -> md.append(String.format("| %s | %.1f | %.2f | %.0f%% |%n", part,
                    seconds, perLead(seconds), 100 * seconds / total)));
            md.append(String.format("| **all** | %.1f | **%.2f** | 100%% |%n", total, perLead(total)));
            md.append(String.format("%nOf the services' CPU, their JIT compilers (C1 and C2 threads) used %.1f s, "
                    + "%.2f ms per lead, %.0f%% of all: code the load runs still being compiled.%n", compilerSeconds,
                    perLead(compilerSeconds), 100 * compilerSeconds / total));
            return md.toString();
        }

        double cpuMillisPerLead(String part) {
            return perLead(cpuSeconds.getOrDefault(part, 0.0));
        }

        double compilerMillisPerLead() {
            return perLead(compilerSeconds);
        }

        double totalCpuMillisPerLead() {
            return perLead(totalCpuSeconds());
        }

        private double totalCpuSeconds() {
            return CpuMeter.total(cpuSeconds);
        }

        private double perLead(double seconds) {
            return capture.acknowledged() == 0 ? 0 : 1000 * seconds / capture.acknowledged();
        }
    }

    private SystemThroughput() {
    }

    static Result run(FunnelStack stack, LeadLoad load, int clients, Duration duration) throws Exception {
        CpuMeter cpu = new CpuMeter(stack);
        CpuMeter.Span span = cpu.start();
        LeadLoad.Result capture = load.closedLoop(clients, duration, true);
        double drain = awaitConsumers(stack, Duration.ofMinutes(10));
        CpuMeter.Usage used = span.used();
        return new Result(capture, drain, used.seconds(), used.compilerSeconds(),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Seconds until no consumer group has records left; two readings a second apart must agree, since a consumer
     * that just caught up may still be relaying its own events through its outbox.
     */
    static double awaitConsumers(FunnelStack stack, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        return (Quiet.await(() -> stack.broker().totalLag() == 0, Duration.ofSeconds(1), timeout) - start) / 1e9;
    }
}
