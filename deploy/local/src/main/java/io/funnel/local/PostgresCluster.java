package io.funnel.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Debian PostgreSQL cluster that {@code deploy/local/ensure-postgres.sh} runs on 127.0.0.1:5432, stopped and
 * started with {@code pg_ctlcluster} by the fault tests (a real database restart, not a simulated one).
 */
public final class PostgresCluster {

    private final String version;

    private PostgresCluster(String version) {
        this.version = version;
    }

    /** The local cluster, when there is one this process may stop and start (root, Debian layout). */
    public static Optional<PostgresCluster> local() {
        Path clusters = Path.of("/etc/postgresql");
        if (!Files.isDirectory(clusters) || !"root".equals(System.getProperty("user.name"))) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(clusters)) {
            return versions.filter(v -> Files.isDirectory(v.resolve("main")))
                    .map(v -> v.getFileName().toString())
                    .max(Comparator.comparingDouble(Double::parseDouble))
                    .map(PostgresCluster::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server at once; open connections are cut, as in a crash or a failover. */
    public void stop() {
        pgCtlCluster("stop", "-m", "fast");
    }

    /** Starts the server and returns once it accepts connections. */
    public void start() {
        pgCtlCluster("start");
    }

    private void pgCtlCluster(String... action) {
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect",
                version, "main"));
        command.addAll(List.of(action));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(process.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
