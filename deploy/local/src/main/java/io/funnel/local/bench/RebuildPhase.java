package io.funnel.local.bench;

import io.funnel.events.Topics;
import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The projection rebuild: a synthetic history written straight into the topics, then a rebuild of reporting's read
 * tables from every topic, timed. Qualification and pipeline are stopped, or they would answer the synthetic captures
 * with events of their own; reporting is stopped while the history is written and its live consumers are moved past
 * it, so the rebuild is measured alone rather than beside a live projection working through the same records.
 * <p>
 * The first rebuild runs on a reporting just started, as a rare rebuild does in production: the JIT compiles its
 * code meanwhile. The same rebuild again shows what the compiled code does; the first is the one judged.
 */
final class RebuildPhase {

    /** Reporting's consumer group: Quarkus names it after the application. */
    private static final String REPORTING_GROUP = "reporting-service";
    private static final List<String> PROJECTED = List.of(Topics.LEADS, Topics.ACTIVITIES, Topics.MARKETING,
            Topics.QUALIFICATION, Topics.PIPELINE);

    /** One timed rebuild and the CPU each part used meanwhile; {@code compilerSeconds} is within reporting's. */
    record Replay(RebuildTimer.Result timing, Map<String, Double> cpuSeconds, double compilerSeconds) {

        boolean done() {
            return timing.state().equals("DONE");
        }

        String row(String which) {
            double reporting = cpuSeconds.getOrDefault(FunnelService.REPORTING.module(), 0.0);
            double total = CpuMeter.total(cpuSeconds);
            return String.format("| %s | %s%s | %,d | %.1f | %,.0f | %.1f (%.0f%%) | %.1f | %.1f | %.1f |%n", which,
                    timing.state(), timing.error() == null ? "" : ": " + timing.error(), timing.events(),
                    timing.seconds(), timing.perSecond(), compilerSeconds,
                    reporting == 0 ? 0 : 100 * compilerSeconds / reporting, reporting,
                    cpuSeconds.getOrDefault(CpuMeter.DATABASE, 0.0), total);
        }
    }

    record Result(EventFlood.Result written, Attempt<Replay> first, Attempt<Replay> again) {

        /** Events per second of the first rebuild if it finished; 0 otherwise. */
        double eventsPerSecond() {
            return first.measured() && first.result().done() ? first.result().timing().perSecond() : 0;
        }

        long events() {
            return first.measured() ? first.result().timing().events() : 0;
        }

        String markdown() {
            StringBuilder md = new StringBuilder(String.format("Written: %,d events of %,d synthetic leads (activity, "
                    + "capture, score, persona, qualification, assignment, contact, acceptance or rejection, "
                    + "opportunities) in %.1f s, %,.0f events/s, one lz4-batching producer, while reporting was "
                    + "stopped; its live consumers were then moved past them, so only the rebuild reads them.%n%n",
                    written.events(), written.leads(), written.seconds(), written.perSecond()));
            md.append("| rebuild | state | events replayed (whole topics, earlier phases included) | seconds "
                    + "| events/s | CPU s: reporting's JIT compilers | reporting | PostgreSQL | all |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n");
            md.append(row("first, reporting just started (judged)", first));
            md.append(row("again, its code compiled", again));
            return md.toString();
        }

        private static String row(String which, Attempt<Replay> replay) {
            return replay.measured() ? replay.result().row(which)
                    : "| " + which + " | not measured: " + replay.problem() + " | | | | | | | |\n";
        }
    }

    private RebuildPhase() {
    }

    static Result run(FunnelStack stack, long events, Duration rebuildTimeout) {
        stack.kill(FunnelService.QUALIFICATION);
        stack.kill(FunnelService.PIPELINE);
        stack.kill(FunnelService.REPORTING);
        EventFlood.Result written = EventFlood.write(stack.broker().bootstrapServers(),
                new SyntheticFunnel(42, Instant.now()), events);
        stack.broker().skipToEnd(REPORTING_GROUP, PROJECTED);
        stack.start(FunnelService.REPORTING);
        RebuildTimer timer = new RebuildTimer(stack.url(FunnelService.REPORTING));
        CpuMeter cpu = new CpuMeter(stack);
        Attempt<Replay> first = Attempt.of(() -> timed(timer, cpu, rebuildTimeout));
        Attempt<Replay> again = first.measured() && first.result().done()
                ? Attempt.of(() -> timed(timer, cpu, rebuildTimeout))
                : Attempt.skipped("the first rebuild did not finish");
        return new Result(written, first, again);
    }

    private static Replay timed(RebuildTimer timer, CpuMeter cpu, Duration timeout) throws Exception {
        CpuMeter.Span span = cpu.start();
        RebuildTimer.Result timing = timer.run(timeout);
        CpuMeter.Usage used = span.used();
        return new Replay(timing, used.seconds(), used.compilerSeconds());
    }
}
