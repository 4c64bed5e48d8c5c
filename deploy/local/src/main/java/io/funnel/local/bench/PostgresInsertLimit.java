package io.funnel.local.bench;

import io.funnel.local.PostgresEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** PostgreSQL's limit for capture's writes, as {@code pgbench} measures it running {@link CaptureWriteScript}. */
final class PostgresInsertLimit {

    record Result(Path pgbench, int clients, long seconds, long transactions, double tps, double averageMillis) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");

    private PostgresInsertLimit() {
    }

    /** Debian's versioned binaries first (newest major), then the {@code PATH}. */
    static Optional<Path> locatePgbench() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.filter(v -> v.getFileName().toString().matches("[0-9]+"))
                        .sorted(Comparator.comparingInt((Path v) -> Integer.parseInt(v.getFileName().toString()))
                                .reversed())
                        .map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable).findFirst();
                if (newest.isPresent()) {
                    return newest;
                }
            }
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, "pgbench")).filter(Files::isExecutable).findFirst();
    }

    static Result measure(Path pgbench, PostgresEndpoint server, String database, Path script, String payload,
            int clients, Duration duration) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(pgbench.toString(), "--no-vacuum", "--protocol=prepared",
                "--client=" + clients, "--jobs=" + Math.min(clients, Runtime.getRuntime().availableProcessors()),
                "--time=" + duration.toSeconds(), "--file=" + script, "--host=" + server.host(),
                "--port=" + server.port(), "--username=" + server.user(),
                "--define=" + CaptureWriteScript.PAYLOAD_VARIABLE + "=" + payload, database));
        Path printed = script.resolveSibling(script.getFileName() + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(printed.toFile());
        if (!server.password().isEmpty()) {
            builder.environment().put("PGPASSWORD", server.password());
        }
        Process process = builder.start();
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("pgbench did not finish");
        }
        String output = Files.readString(printed);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed (exit " + process.exitValue() + "): " + output);
        }
        return new Result(pgbench, clients, duration.toSeconds(), Long.parseLong(find(PROCESSED, output)),
                Double.parseDouble(find(TPS, output)), Double.parseDouble(find(LATENCY, output)));
    }

    private static String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench printed no " + pattern.pattern() + ": " + output);
        }
        return matcher.group(1);
    }
}
