package io.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.funnel.events.contract.AsyncApiDocument;
import io.funnel.events.contract.TopicProducers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The checked-in AsyncAPI document passes the official parser ({@code @asyncapi/parser} from npm), and every sample
 * event, as the codec writes it with the headers the outbox relay sets, matches its message's schemas. The node
 * project lives in {@code src/test/asyncapi}; it is installed into {@code target/asyncapi-validator} (once per lock
 * file), never into the source tree. Skipped when node or npm is not on the PATH. In this package for
 * {@link SampleEvents}.
 */
class AsyncApiValidationTest {

    private static final Path SOURCES = Path.of("src/test/asyncapi");
    private static final Path WORK = Path.of("target/asyncapi-validator");
    private static final Path DOCUMENT = Path.of("src/main/resources").resolve(AsyncApiDocument.RESOURCE);
    private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");

    @Test
    void officialParserAcceptsTheDocumentAndSampleEventsMatchIt() throws Exception {
        assumeTrue(runs("node") && runs(npm()), "node and npm are not on the PATH: AsyncAPI validation skipped");
        install();
        Path samples = WORK.resolve("samples.json");
        Files.writeString(samples, samples().toPrettyString(), StandardCharsets.UTF_8);

        Result validation = run(WORK, List.of("node", "validate.mjs", DOCUMENT.toAbsolutePath().toString(),
                samples.toAbsolutePath().toString()), 120);

        System.out.println(validation.output());
        assertThat(validation.exitCode()).as(validation.output()).isZero();
        assertThat(validation.output()).contains("VALID AsyncAPI 3.0.0", SampleEvents.all().size() + " sample events");
    }

    private static ArrayNode samples() {
        ArrayNode samples = EventCodec.mapper().createArrayNode();
        for (FunnelEvent event : SampleEvents.all()) {
            ObjectNode sample = samples.addObject()
                    .put("message", event.getClass().getSimpleName())
                    .put("key", event.key());
            // as OutboxRelay sets them; SmallRye writes ce_time with ISO_OFFSET_DATE_TIME
            sample.putObject("headers")
                    .put("ce_specversion", "1.0")
                    .put("ce_id", UUID.randomUUID().toString())
                    .put("ce_type", EventTypes.typeOf(event))
                    .put("ce_source", TopicProducers.sourceOf(event.topic()))
                    .put("ce_subject", event.key())
                    .put("ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            event.occurredAt().atZone(ZoneOffset.UTC)))
                    .put("ce_datacontenttype", "application/json");
            sample.set("data", EventCodec.readTree(EventCodec.encode(event)));
        }
        return samples;
    }

    /** {@code npm ci} into target/, again only when the lock file changed. */
    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path installed = WORK.resolve("node_modules/.installed-from-lock");
        String lock = Files.readString(SOURCES.resolve("package-lock.json"), StandardCharsets.UTF_8);
        if (Files.exists(installed) && Files.readString(installed, StandardCharsets.UTF_8).equals(lock)) {
            return;
        }
        // no install scripts: the parser needs none (one dependency's is usage telemetry)
        Result install = run(WORK, List.of(npm(), "ci", "--ignore-scripts", "--no-audit", "--no-fund"), 600);
        assertThat(install.exitCode()).as("npm ci in %s:%n%s", WORK, install.output()).isZero();
        Files.writeString(installed, lock, StandardCharsets.UTF_8);
    }

    private static String npm() {
        return WINDOWS ? "npm.cmd" : "npm";
    }

    private static boolean runs(String command) {
        try {
            return run(WORK.getParent(), List.of(command, "--version"), 60).exitCode() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path directory, List<String> command, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("asyncapi-", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
