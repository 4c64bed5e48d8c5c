package io.funnel.kubernetes;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Renders an overlay with {@code kubectl kustomize}, once per overlay and test JVM. */
final class Kustomize {

    private static final Path DEFAULT_KUBECTL = Path.of("/usr/bin/kubectl");
    private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The rendered overlay ({@code dev} or {@code prod}); skips the calling test when kubectl is absent. */
    static Rendered overlay(String name) {
        Optional<Path> kubectl = kubectl();
        assumeTrue(kubectl.isPresent(),
                "kubectl not found (" + System.getProperty("funnel.kubectl", "/usr/bin/kubectl or on PATH")
                        + "): skipping the checks of the rendered Kubernetes manifests");
        return RENDERED.computeIfAbsent(name, overlay -> Rendered.parse(render(kubectl.get(), overlayDirectory(overlay))));
    }

    static Path moduleDirectory() {
        return Path.of(System.getProperty("funnel.kubernetes.dir", "."));
    }

    /** A sibling module's file, e.g. a service's application.properties. */
    static Path repositoryFile(String relative) {
        return moduleDirectory().toAbsolutePath().normalize().resolve("../..").normalize().resolve(relative);
    }

    private static Path overlayDirectory(String overlay) {
        Path directory = moduleDirectory().resolve("overlays").resolve(overlay);
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("no overlay directory " + directory.toAbsolutePath());
        }
        return directory;
    }

    /** -Dfunnel.kubectl=PATH chooses the binary (and shows the skip when it does not exist). */
    private static Optional<Path> kubectl() {
        String chosen = System.getProperty("funnel.kubectl");
        if (chosen != null) {
            return Optional.of(Path.of(chosen)).filter(Files::isExecutable);
        }
        if (Files.isExecutable(DEFAULT_KUBECTL)) {
            return Optional.of(DEFAULT_KUBECTL);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static String render(Path kubectl, Path directory) {
        try {
            Path stderr = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
                        .redirectError(stderr.toFile())
                        .start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + directory + " did not finish in 2 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + directory + " failed (exit "
                            + process.exitValue() + "): " + Files.readString(stderr));
                }
                return output;
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
