package io.funnel.local.bench;

import io.funnel.local.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The Markdown report, rewritten after every phase so that a late failure keeps the figures measured so far. */
final class Report {

    private final Instant started = Instant.now();
    private final Path file;
    private final boolean quick;
    private final Targets targets;
    private final StringBuilder body;

    Report(Path directory, boolean quick, Targets targets, StringBuilder body) throws IOException {
        Files.createDirectories(directory);
        this.file = directory.resolve("report-" + started.toString().replace(':', '-') + ".md");
        this.quick = quick;
        this.targets = targets;
        this.body = body;
    }

    String text() {
        return "# Funnel tracker benchmark" + (quick ? " (quick)" : "") + ", " + started + "\n\n"
                + "Machine: " + Runtime.getRuntime().availableProcessors() + " cores; everything (broker, "
                + "PostgreSQL, four services, load generator, reference tools) on it.\n\n"
                + "Services' JVM: " + servicesJvm() + ".\n\n"
                + "## Targets (issue 8)\n\n" + targets.markdown() + "\n" + body;
    }

    /** The services run on this JVM's runtime ({@link ServiceProcess}), with its options. */
    static String servicesJvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.home") + "), " + String.join(" ", ServiceProcess.configuredOptions());
    }

    Path file() {
        return file;
    }

    void save() throws IOException {
        Files.writeString(file, text());
    }
}
