package io.funnel.local.bench;

import io.funnel.local.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A running service's start time (as Quarkus logged it) and resident memory, read from {@code /proc}. */
record ServiceFootprint(String service, String startSeconds, long rssMegabytes) {

    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");
    private static final Duration LOG_WAIT = Duration.ofSeconds(5);

    static ServiceFootprint of(ServiceProcess process) throws IOException, InterruptedException {
        return new ServiceFootprint(process.service().module(), startSeconds(process.log()),
                rssMegabytes(process.pid()));
    }

    /** The line can reach the log a moment after the service answers ready, so it is waited for briefly. */
    private static String startSeconds(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LOG_WAIT.toNanos();
        do {
            Matcher started = STARTED.matcher(Files.readString(log));
            String last = null;
            while (started.find()) {
                last = started.group(1);
            }
            if (last != null) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return "?";
    }

    private static long rssMegabytes(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(-1);
    }
}
