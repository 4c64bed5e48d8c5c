package io.funnel.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as its own JVM from its {@code target/quarkus-app}, logging to one file. */
public final class ServiceProcess implements AutoCloseable {

    /**
     * Small and lean: the heap starts at 16 MB (otherwise it commits all 160 MB at start) and grows with the
     * default free ratios (a heap kept within 10 % of its live data, as an earlier version asked, saved no idle
     * memory but made a loaded service collect its old generation every second or two), 512 KB thread stacks, and
     * two malloc arenas instead of one per core's worth of threads. Every 5 s the JVM hands back to the OS what
     * glibc keeps of freed native memory (mostly the JIT's scratch memory from start-up): 10 to 25 MB of resident
     * memory per service. deploy/kubernetes (base/service/kustomization.yaml) passes the same options.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms16m", "-Xmx160m", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:TrimNativeHeapInterval=5000");
    /** Options added after {@link #JVM_OPTIONS}, separated by spaces; {@code {module}} is the service's name. */
    private static final String EXTRA_OPTIONS_VARIABLE = "FUNNEL_SERVICE_JVM_OPTIONS";
    /** Long enough for a JVM that writes an AOT cache as it exits (-XX:AOTCacheOutput; 10-30 s here). */
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final FunnelService service;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(FunnelService service, int port, Path log, Process process) {
        this.service = service;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    public static ServiceProcess start(Path projectRoot, FunnelService service, int port, Map<String, String> env,
            Path logDir) {
        Path jar = projectRoot.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Not built: " + jar + " (run ./mvnw -DskipTests package)");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(service.module() + ".log");
            List<String> command = new ArrayList<>(List.of(javaExecutable()));
            command.addAll(jvmOptions(service, System.getenv(EXTRA_OPTIONS_VARIABLE)));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("MALLOC_ARENA_MAX", "2");
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            return new ServiceProcess(service, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + service.module(), e);
        }
    }

    /** {@link #JVM_OPTIONS}, then the extra ones (may be null), with {@code {module}} replaced. */
    static List<String> jvmOptions(FunnelService service, String extra) {
        return options(extra).stream().map(option -> option.replace("{module}", service.module())).toList();
    }

    /** The options every service starts with, as configured ({@code {module}} not yet replaced). */
    public static List<String> configuredOptions() {
        return options(System.getenv(EXTRA_OPTIONS_VARIABLE));
    }

    private static List<String> options(String extra) {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.strip().split("\\s+")));
        }
        return options;
    }

    public FunnelService service() {
        return service;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early, naming the log, if the process dies. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with " + process.exitValue()
                        + "; see " + log);
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
            Waits.pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException(service.module() + " not ready within " + timeout + "; see " + log);
    }

    /** SIGKILL: the process gets no chance to clean up, as in a crash. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    /** SIGSTOP: the service stands still, as on a frozen host, keeping its state; {@link #thaw()} lets it go on. */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT, after {@link #freeze()}. */
    public void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Asks the service to stop (SIGTERM) without waiting; {@link #close()} waits. */
    public void requestStop() {
        process.destroy();
    }

    /** SIGTERM, then SIGKILL if it has not stopped within a minute. */
    @Override
    public void close() {
        requestStop();
        if (!waitFor(STOP_GRACE)) {
            kill();
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
