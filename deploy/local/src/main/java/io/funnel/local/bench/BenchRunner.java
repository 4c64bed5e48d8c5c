package io.funnel.local.bench;

import io.funnel.events.Topics;
import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import io.funnel.local.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./funnel bench [quick]}: starts a throw-away stack, measures capture throughput (closed and open loop),
 * end-to-end latency from capture's 201 to {@code LeadQualified} on Kafka, and each service's footprint, and writes a
 * Markdown report under {@code .funnel/bench/}.
 */
public final class BenchRunner {

    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    private BenchRunner() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 0 && args[0].equals("quick");
        Duration phase = Duration.ofSeconds(quick ? 5 : 30);
        Path root = Path.of(System.getProperty("funnel.home", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("funnel-bench-");
        FunnelStack stack = FunnelStack.isolated(root, work, "bench" + UUID.randomUUID().toString().substring(0, 6));
        StringBuilder report = new StringBuilder();
        try {
            stack.startBroker().startServices();
            String capture = stack.url(FunnelService.CAPTURE);
            LeadLoad load = new LeadLoad(capture);
            report.append("# Funnel tracker benchmark, ").append(Instant.now()).append("\n\n")
                    .append("Machine: ").append(Runtime.getRuntime().availableProcessors())
                    .append(" cores; everything (broker, PostgreSQL, four services, load generator) on it.\n\n");
            footprint(stack, report);

            load.closedLoop(16, Duration.ofSeconds(quick ? 3 : 15), false);
            report.append("## Capture throughput (`POST /api/leads`, unique e-mails)\n\n")
                    .append("| run | sent | 201 | failed | leads/s | p50 ms | p99 ms | p99.9 ms |\n|---|---|---|---|---|---|---|---|\n");
            for (int workers : new int[] {8, 32}) {
                row(report, "closed loop, " + workers + " clients", load.closedLoop(workers, phase, false));
            }
            for (int rate : new int[] {500, 1000, 2000}) {
                row(report, "open loop, " + rate + "/s", load.openLoop(rate, phase, false));
            }
            endToEnd(stack, load, quick ? 100 : 500, phase, report);
        } finally {
            stack.dropDatabasesAfterClose();
        }
        Path out = root.resolve(".funnel/bench");
        Files.createDirectories(out);
        Path file = out.resolve("report-" + Instant.now().toString().replace(':', '-') + ".md");
        Files.writeString(file, report);
        System.out.println(report);
        System.out.println("Report: " + file);
    }

    private static void row(StringBuilder report, String name, LeadLoad.Result r) {
        report.append(String.format("| %s | %d | %d | %d | %.0f | %.1f | %.1f | %.1f |%n", name, r.sent(),
                r.acknowledged(), r.failed(), r.perSecond(), r.latencies().percentileMillis(50),
                r.latencies().percentileMillis(99), r.latencies().percentileMillis(99.9)));
    }

    private static void endToEnd(FunnelStack stack, LeadLoad load, int rate, Duration phase, StringBuilder report)
            throws Exception {
        LeadLoad.Result posted;
        Latencies e2e = new Latencies();
        try (QualifiedWatcher watcher = new QualifiedWatcher(stack.broker().bootstrapServers(),
                Topics.QUALIFICATION)) {
            posted = load.openLoop(rate, phase, true);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (watcher.seenAtNanos().size() < posted.acknowledged() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            for (Map.Entry<String, Long> acked : posted.acknowledgedAtNanos().entrySet()) {
                Long seen = watcher.seenAtNanos().get(acked.getKey());
                if (seen != null) {
                    e2e.record(Math.max(0, seen - acked.getValue()) / 1000);
                }
            }
        }
        report.append("\n## End to end: capture's 201 → `LeadQualified` on Kafka\n\n")
                .append("| rate | leads acknowledged | qualified seen | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n")
                .append(String.format("| %d/s open loop | %d | %d | %.0f | %.0f | %.0f |%n", rate,
                        posted.acknowledged(), e2e.count(), e2e.percentileMillis(50), e2e.percentileMillis(99),
                        e2e.percentileMillis(100)));
    }

    private static void footprint(FunnelStack stack, StringBuilder report) throws IOException {
        report.append("## Footprint (idle, after start)\n\n| service | start s | RSS MB |\n|---|---|---|\n");
        for (ServiceProcess process : stack.processes()) {
            report.append(String.format("| %s | %s | %d |%n", process.service().module(), startSeconds(process),
                    rssMegabytes(process.pid())));
        }
        report.append('\n');
    }

    private static String startSeconds(ServiceProcess process) throws IOException {
        Matcher started = STARTED.matcher(Files.readString(process.log()));
        String last = "?";
        while (started.find()) {
            last = started.group(1);
        }
        return last;
    }

    private static long rssMegabytes(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(-1);
    }
}
