package io.funnel.local.bench;

import io.funnel.local.FunnelService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code ./funnel bench compare <checkout> [rounds]}: this checkout's services (A) and another built checkout's (B),
 * each measured by {@code ./funnel bench funnel} in its own process on a fresh stack, in the order A B, B A, A B, ...
 * so that a machine growing faster or slower during the comparison weighs on both builds alike. Two runs of one build
 * differ by up to 40 % on these machines, so one run each tells little; the report gives every run's figures, each
 * build's medians and their ratio.
 */
final class BenchCompare {

    private record Build(String name, Path root) {
    }

    private record Run(int number, Build build, Map<String, List<Double>> figures) {
    }

    private final Instant started = Instant.now();
    private final Build a;
    private final Build b;
    private final Path directory;
    private final List<Run> runs = new ArrayList<>();

    BenchCompare(Path a, Path b) {
        this.a = new Build("A", a);
        this.b = new Build("B", b);
        this.directory = a.resolve(".funnel/bench");
    }

    /** Answers the report's path. */
    static Path run(Path thisCheckout, Path otherCheckout, int rounds) throws Exception {
        BenchCompare compare = new BenchCompare(thisCheckout, otherCheckout);
        Files.createDirectories(compare.directory);
        for (String name : order(rounds)) {
            compare.record(name, compare.measure(name.equals("A") ? compare.a : compare.b));
            Files.writeString(compare.file(), compare.markdown());
        }
        return compare.file();
    }

    /** The builds' order: A B, then B A, then A B, ... */
    static List<String> order(int rounds) {
        List<String> order = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            order.addAll(round % 2 == 1 ? List.of("A", "B") : List.of("B", "A"));
        }
        return order;
    }

    /** The next run's figures, of build A or B. */
    void record(String build, Map<String, List<Double>> figures) {
        runs.add(new Run(runs.size() + 1, build.equals("A") ? a : b, figures));
    }

    /** Why the checkout cannot be compared, or null when its services are built. */
    static String unbuilt(Path checkout) {
        for (FunnelService service : FunnelService.values()) {
            if (!Files.exists(checkout.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar"))) {
                return checkout + " has no built " + service.module() + "; build it first: (cd " + checkout
                        + " && ./mvnw -B -q package -DskipTests)";
            }
        }
        return null;
    }

    private Map<String, List<Double>> measure(Build build) throws IOException, InterruptedException {
        int number = runs.size() + 1;
        String stem = "compare-" + stamp() + "-" + number + build.name();
        Path figures = directory.resolve(stem + ".tsv");
        Path log = directory.resolve(stem + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process bench = new ProcessBuilder(java, "-Xmx3g", "-Dfunnel.home=" + build.root(),
                "-D" + BenchRunner.FIGURES_FILE + "=" + figures, "-cp", System.getProperty("java.class.path"),
                BenchRunner.class.getName(), "funnel")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = bench.waitFor();
        if (exit != 0 || !Files.exists(figures)) {
            throw new IllegalStateException("run " + number + " (" + build.name() + ") failed with exit " + exit
                    + "; see " + log);
        }
        return FunnelFigures.read(figures);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Funnel tracker A/B comparison, " + started + "\n\n")
                .append("- A: ").append(describe(a)).append('\n')
                .append("- B: ").append(describe(b)).append("\n\n")
                .append("Each run is `./funnel bench funnel` in its own process on a fresh stack (its report under the "
                        + "build's `.funnel/bench/`), the builds in the order A B, B A, ... The whole funnel is "
                        + "measured twice per run (two values per cell). Medians are over all of a build's values; "
                        + "B/A is the ratio of the medians.\n\n| figure |");
        runs.forEach(run -> md.append(" #").append(run.number()).append(' ').append(run.build().name()).append(" |"));
        md.append(" median A | median B | B/A |\n|---|").append("---|".repeat(runs.size() + 3)).append('\n');
        for (String figure : runs.get(0).figures().keySet()) {
            String format = figure.contains("CPU") ? "%.2f" : "%.0f";
            md.append("| ").append(figure).append(" |");
            runs.forEach(run -> md.append(' ').append(run.figures().getOrDefault(figure, List.of()).stream()
                    .map(value -> String.format(format, value)).collect(Collectors.joining(" / "))).append(" |"));
            double medianA = median(figure, a);
            double medianB = median(figure, b);
            md.append(' ').append(cell(format, medianA)).append(" | ").append(cell(format, medianB)).append(" | ")
                    .append(cell("%.2f", medianA == 0 ? Double.NaN : medianB / medianA)).append(" |\n");
        }
        return md.toString();
    }

    /** A figure not measured yet (or a ratio to zero) shows as a dash. */
    private static String cell(String format, double value) {
        return Double.isNaN(value) ? "—" : String.format(format, value);
    }

    private double median(String figure, Build build) {
        double[] values = runs.stream().filter(run -> run.build() == build)
                .flatMap(run -> run.figures().getOrDefault(figure, List.of()).stream())
                .mapToDouble(Double::doubleValue).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static String describe(Build build) {
        String commit = git(build.root(), "log", "-1", "--format=%h %s");
        boolean changed = !git(build.root(), "status", "--porcelain", "--untracked-files=no").isEmpty();
        return "`" + build.root() + "`, " + (commit.isEmpty() ? "not a git checkout" : commit)
                + (changed ? ", with uncommitted changes" : "");
    }

    private static String git(Path root, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(Arrays.asList(arguments));
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).strip();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private Path file() {
        return directory.resolve("compare-" + stamp() + ".md");
    }

    private String stamp() {
        return started.toString().replace(':', '-');
    }
}
