package io.funnel.local.bench;

import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import io.funnel.local.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code ./funnel bench [quick|funnel|e2e|rebuild]}: starts a throw-away stack, measures each service's footprint,
 * capture throughput (closed and open loop, then alone with the consumers frozen, to say what its rate is made of),
 * end-to-end latency from capture's 201 to {@code LeadQualified} on Kafka, Kafka's and PostgreSQL's own limits as
 * references, and a projection rebuild from a synthetic history; writes a Markdown report under
 * {@code .funnel/bench/} with the targets on top. To compare two builds of one part in
 * a few minutes, {@code funnel} measures only the footprint, the whole funnel (twice) and qualification's catch-up
 * after a stall, {@code e2e} only the footprint and the end-to-end latency (at the target rate and at 300 leads/s),
 * {@code rebuild} only the footprint and the rebuild, {@code capture} only the footprint, capture's runs, capture
 * alone and the reference limits; {@code compare <checkout> [rounds]} runs {@code funnel} for this
 * build and another alternately (see {@link BenchCompare}).
 */
public final class BenchRunner {

    private static final int CAPTURE_TARGET_RATE = 2_000;
    private static final double CAPTURE_TARGET_P99_MS = 50;
    private static final int E2E_TARGET_RATE = 500;
    private static final double E2E_TARGET_P99_MS = 500;
    private static final double REBUILD_TARGET_PER_SECOND = 50_000;
    private static final long RSS_TARGET_MB = 200;
    private static final int WARM_UP_LEADS = 15_000;
    private static final double SETTLED_COMPILER_SHARE = 0.05;
    private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(15);
    /** System property: where {@code funnel} mode also writes its figures, for {@link BenchCompare}. */
    static final String FIGURES_FILE = "funnel.bench.figures";

    private BenchRunner() {
    }

    public static void main(String[] args) throws Exception {
        // Kafka's tools print with the default locale; the report's figures and their parsing need '.' decimals.
        Locale.setDefault(Locale.ROOT);
        String mode = args.length > 0 ? args[0] : "full";
        if (!List.of("full", "quick", "funnel", "capture", "e2e", "rebuild", "reports", "codec", "compare")
                .contains(mode)) {
            exit("unknown bench mode '" + mode + "': full, quick, funnel, capture, e2e, rebuild, reports, codec or "
                    + "compare");
        }
        if (mode.equals("codec")) {
            System.out.println(CodecSpeed.run());
            return;
        }
        Path root = Path.of(System.getProperty("funnel.home", ".")).toAbsolutePath().normalize();
        if (mode.equals("compare")) {
            compare(root, args);
            return;
        }
        boolean quick = mode.equals("quick");
        boolean funnelOnly = mode.equals("funnel");
        boolean rebuildOnly = mode.equals("rebuild");
        boolean endToEndOnly = mode.equals("e2e");
        Duration phase = Duration.ofSeconds(quick ? 5 : 30);
        Path work = Files.createTempDirectory("funnel-bench-");
        FunnelStack stack = FunnelStack.isolated(root, work, "bench" + UUID.randomUUID().toString().substring(0, 6));
        Targets targets = new Targets();
        StringBuilder body = new StringBuilder();
        Report report = new Report(root.resolve(".funnel/bench"), quick, targets, body);
        try {
            stack.startBroker().startServices();
            long largestRss = footprint(stack, body, targets);
            report.save();
            if (mode.equals("reports")) {
                body.append("## Reports over many leads\n\nSynthetic leads written into reporting's tables, each "
                        + "report requested twice.\n\n").append(ReportsAtScale.run(stack, 200_000, 1_000_000));
                return;
            }
            if (rebuildOnly) {
                rebuild(RebuildPhase.run(stack, 1_000_000, Duration.ofMinutes(30)), body, targets);
                return;
            }

            LeadLoad load = new LeadLoad(stack.url(FunnelService.CAPTURE), stack.apiKey());
            body.append(warmUp(stack, load, quick ? 0 : WARM_UP_LEADS, Duration.ofSeconds(quick ? 5 : 30), !quick));
            if (endToEndOnly) {
                endToEnd(stack, load, E2E_TARGET_RATE, phase, body, targets);
                body.append(EndToEnd.run(stack, load, 300, phase).row("below the target rate"));
                return;
            }
            if (funnelOnly) {
                FunnelFigures figures = FunnelFigures.measure(stack, load, phase);
                wholeFunnel(figures.first(), body);
                body.append("Again:\n\n").append(figures.second().markdown()).append('\n');
                catchUp(figures.catchUp(), body);
                String file = System.getProperty(FIGURES_FILE);
                if (file != null) {
                    FunnelFigures.write(figures.figures(largestRss), Path.of(file));
                }
                return;
            }
            if (mode.equals("capture")) {
                CaptureAlone.Result alone = capture(stack, load, phase, body, targets);
                body.append("\n## Reference limits, same machine, same run\n\n").append(ReferenceLimits
                        .measure(stack, root, work, 200_000, phase).markdown(alone.capture().perSecond(), 0));
                return;
            }
            SystemThroughput.Result system = SystemThroughput.run(stack, load, 8, phase);
            wholeFunnel(system, body);
            report.save();
            CaptureAlone.Result alone = capture(stack, load, phase, body, targets);
            report.save();
            endToEnd(stack, load, quick ? 100 : E2E_TARGET_RATE, phase, body, targets);
            int sustainable = Math.max(10, (int) (system.leadsPerSecond() / 2));
            body.append(EndToEnd.run(stack, load, sustainable, phase).row(
                    "half the whole funnel's throughput, so that no queue builds up"));
            catchUp(CatchUpPhase.run(stack, load, 8, phase), body);
            report.save();

            ReferenceLimits references = ReferenceLimits.measure(stack, root, work, quick ? 50_000 : 200_000, phase);
            RebuildPhase.Result rebuild = RebuildPhase.run(stack, quick ? 50_000 : 1_000_000,
                    Duration.ofMinutes(quick ? 5 : 30));
            rebuild(rebuild, body, targets);
            body.append("\n## Reference limits, same machine, same run\n\n")
                    .append(references.markdown(alone.capture().perSecond(), rebuild.eventsPerSecond()));
        } finally {
            report.save();
            stack.dropDatabasesAfterClose();
            System.out.println(report.text());
            System.out.println("Report: " + report.file());
        }
    }

    /** {@code compare <checkout> [rounds]}; exits with 2 on a wrong call. */
    private static void compare(Path root, String[] args) throws Exception {
        if (args.length < 2 || args.length > 3 || (args.length == 3 && !args[2].matches("[1-9][0-9]?"))) {
            exit("usage: ./funnel bench compare <other checkout> [rounds: 1 to 99, default 2]");
        }
        Path other = Path.of(args[1]).toAbsolutePath().normalize();
        String unbuilt = BenchCompare.unbuilt(other);
        if (unbuilt != null) {
            exit(unbuilt);
        }
        Path report = BenchCompare.run(root, other, args.length == 3 ? Integer.parseInt(args[2]) : 2);
        System.out.println(Files.readString(report));
        System.out.println("Report: " + report);
    }

    private static void exit(String why) {
        System.err.println(why);
        System.exit(2);
    }

    private static void wholeFunnel(SystemThroughput.Result result, StringBuilder body) {
        body.append("## Whole funnel: leads/s and CPU per lead\n\n")
                .append("Capture at full speed (8 clients, qualifying leads) until the phase ends, then until every "
                        + "consumer group has caught up; CPU from /proc for each part.\n\n")
                .append(result.markdown()).append('\n');
    }

    private static void catchUp(CatchUpPhase.Result result, StringBuilder body) {
        body.append("\n## Qualification catching up after a stall\n\nQualification's process frozen (SIGSTOP) while "
                + "capture took leads at full speed (8 clients) for the phase, then let go (SIGCONT).\n\n")
                .append(result.markdown()).append('\n');
    }

    /** Writes the footprint table and judges its target; answers the largest RSS. */
    private static long footprint(FunnelStack stack, StringBuilder body, Targets targets) throws Exception {
        body.append("## Footprint (idle, after start)\n\n| service | start s | RSS MB |\n|---|---|---|\n");
        List<ServiceFootprint> footprints = new ArrayList<>();
        for (ServiceProcess process : stack.processes()) {
            ServiceFootprint f = ServiceFootprint.of(process);
            footprints.add(f);
            body.append(String.format("| %s | %s | %d |%n", f.service(), f.startSeconds(), f.rssMegabytes()));
        }
        body.append('\n');
        ServiceFootprint largest = footprints.stream().max(Comparator.comparingLong(ServiceFootprint::rssMegabytes))
                .orElseThrow();
        targets.judge("each service ≤ " + RSS_TARGET_MB + " MB RSS idle",
                String.format("largest %d MB (%s)", largest.rssMegabytes(), largest.service()),
                largest.rssMegabytes() <= RSS_TARGET_MB);
        return largest.rssMegabytes();
    }

    /** The capture runs, with the target judged on the run at its rate, then capture alone; answers the latter. */
    private static CaptureAlone.Result capture(FunnelStack stack, LeadLoad load, Duration phase, StringBuilder body,
            Targets targets) throws Exception {
        body.append("## Capture throughput (`POST /api/leads`, unique e-mails)\n\n")
                .append("Closed loop: each client sends its next lead when the last is answered. Open loop: leads are "
                        + "due at a fixed rate whatever the answers, latency counted from the due time; once "
                        + LeadLoad.MAX_IN_FLIGHT + " are unanswered a due lead is shed and counted as failed.\n\n")
                .append("| run | sent | 201 | failed | leads/s | p50 ms | p99 ms | p99.9 ms |\n"
                        + "|---|---|---|---|---|---|---|---|\n");
        for (int workers : new int[] {8, 32}) {
            row(body, "closed loop, " + workers + " clients", load.closedLoop(workers, phase, false));
        }
        LeadLoad.Result atTarget = null;
        for (int rate : new int[] {500, 1000, CAPTURE_TARGET_RATE}) {
            LeadLoad.Result r = load.openLoop(rate, phase, false);
            row(body, "open loop, " + rate + "/s", r);
            atTarget = r;
        }
        double p99 = atTarget.latencies().percentileMillis(99);
        targets.judge(String.format("capture ≥ %,d leads/s sustained, p99 ≤ %.0f ms", CAPTURE_TARGET_RATE,
                        CAPTURE_TARGET_P99_MS),
                String.format("open loop at %,d/s: %,.0f leads/s acknowledged, %d failed, p99 %.1f ms",
                        CAPTURE_TARGET_RATE, atTarget.perSecond(), atTarget.failed(), p99),
                atTarget.failed() == 0 && atTarget.acknowledged() == atTarget.sent() && p99 <= CAPTURE_TARGET_P99_MS);
        CaptureAlone.Result alone = CaptureAlone.run(stack, load, 32, phase);
        body.append("\n## Capture alone: what its rate is made of\n\nQualification, the pipeline and reporting "
                + "frozen (SIGSTOP) while capture took leads as fast as it answered (32 clients, closed loop), its "
                + "relay still publishing them; CPU from /proc for each part.\n\n")
                .append(alone.markdown(CAPTURE_TARGET_RATE));
        return alone;
    }

    private static void row(StringBuilder body, String name, LeadLoad.Result r) {
        body.append(String.format("| %s | %d | %d | %d | %.0f | %.1f | %.1f | %.1f |%n", name, r.sent(),
                r.acknowledged(), r.failed(), r.perSecond(), r.latencies().percentileMillis(50),
                r.latencies().percentileMillis(99), r.latencies().percentileMillis(99.9)));
    }

    /**
     * Leads through the whole funnel until the JIT compilers have done their work: a cold JVM runs the request path
     * interpreted, then in code compiled with profiling, many times slower, and on a 2-core machine that shares its
     * cores with four services the compilers themselves take a large part of the CPU. The compilers act on how often
     * code ran, not for how long, so the warm-up is at least a number of leads ({@code minimum}, in slices of
     * {@code slice}), and then, if {@code untilCompiled}, goes on until the services' compiler threads used at most
     * 5 % of the CPU of a slice: after 15,000 leads they still took a quarter of it (2026-12-07), C2 working through
     * a queue of methods that ran once per lead, which until then ran unoptimised.
     */
    private static String warmUp(FunnelStack stack, LeadLoad load, int minimum, Duration slice, boolean untilCompiled)
            throws Exception {
        long deadline = System.nanoTime() + WARM_UP_LIMIT.toNanos();
        CpuMeter cpu = new CpuMeter(stack);
        int leads = 0;
        double seconds = 0;
        double compilerShare;
        do {
            CpuMeter.Span span = cpu.start();
            LeadLoad.Result warm = load.closedLoop(16, slice, true);
            CpuMeter.Usage used = span.used();
            compilerShare = used.total() == 0 ? 0 : used.compilerSeconds() / used.total();
            leads += warm.acknowledged();
            seconds += warm.seconds();
            System.out.printf("Warm-up: %,d leads in %.0f s, the JIT compilers %.0f%% of the CPU in the last %.0f s%n",
                    leads, seconds, 100 * compilerShare, warm.seconds());
        } while ((leads < minimum || untilCompiled && compilerShare > SETTLED_COMPILER_SHARE)
                && System.nanoTime() < deadline);
        double drained = SystemThroughput.awaitConsumers(stack, Duration.ofMinutes(10));
        return String.format("Warm-up: %,d leads in %.0f s (%,.0f/s), until the services' JIT compilers took %.0f%% "
                + "of the CPU of the last %d s, and %.0f s for the consumers to catch up, before any measurement; "
                + "the figures below are steady state.%n%n", leads, seconds, leads / seconds, 100 * compilerShare,
                slice.toSeconds(), drained);
    }

    private static void endToEnd(FunnelStack stack, LeadLoad load, int rate, Duration phase, StringBuilder body,
            Targets targets) throws Exception {
        body.append("\n## End to end: capture's 201 → visible in reporting, and → `LeadQualified` on Kafka\n\n")
                .append("Each rate starts once every consumer caught up with the earlier phases. Visible in reporting: "
                        + "its live stream (`GET /api/stream`) announced the lead's `LeadCaptured` projection as "
                        + "committed, so `GET /api/funnel` counts it.\n\n")
                .append(EndToEnd.Result.header());
        EndToEnd.Result atRate = EndToEnd.run(stack, load, rate, phase);
        body.append(atRate.row("the target rate"));
        String target = String.format("end to end p99 ≤ %.0f ms at %d leads/s", E2E_TARGET_P99_MS, E2E_TARGET_RATE);
        if (rate != E2E_TARGET_RATE) {
            targets.notJudged(target, atRate.summary(), "quick mode runs " + rate + "/s");
        } else {
            targets.judge(target, atRate.summary(), atRate.complete() && atRate.p99Millis() <= E2E_TARGET_P99_MS);
        }
    }

    private static void rebuild(RebuildPhase.Result rebuild, StringBuilder body, Targets targets) {
        body.append("\n## Projection rebuild (`POST /api/admin/rebuild` on reporting)\n\n")
                .append("Qualification and pipeline were stopped for this phase so that they do not react to the "
                        + "synthetic events.\n\n")
                .append(rebuild.markdown());
        String target = String.format("rebuild ≥ %,.0f events/s", REBUILD_TARGET_PER_SECOND);
        if (rebuild.eventsPerSecond() == 0) {
            targets.notJudged(target, "—", "the rebuild did not finish, see below");
            return;
        }
        String measured = String.format("%,.0f events/s over %,d events", rebuild.eventsPerSecond(),
                rebuild.events());
        targets.judge(target, measured, rebuild.eventsPerSecond() >= REBUILD_TARGET_PER_SECOND);
    }
}
