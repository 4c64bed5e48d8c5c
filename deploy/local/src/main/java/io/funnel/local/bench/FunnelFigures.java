package io.funnel.local.bench;

import io.funnel.local.FunnelStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code ./funnel bench funnel} measures once the stack is warm: the whole funnel twice, then qualification
 * catching up after a stall. Its figures can be written as a tab-separated file (a figure's name, then its values) for
 * {@link BenchCompare} to set two builds side by side.
 */
record FunnelFigures(SystemThroughput.Result first, SystemThroughput.Result second, CatchUpPhase.Result catchUp) {

    static final String WHOLE_FUNNEL = "whole funnel, leads/s";
    static final String CATCH_UP = "catch-up after a stall, leads/s";
    static final String LARGEST_RSS = "largest idle RSS, MB";

    static FunnelFigures measure(FunnelStack stack, LeadLoad load, Duration phase) throws Exception {
        SystemThroughput.Result first = SystemThroughput.run(stack, load, 8, phase);
        SystemThroughput.Result second = SystemThroughput.run(stack, load, 8, phase);
        return new FunnelFigures(first, second, CatchUpPhase.run(stack, load, 8, phase));
    }

    /** Each figure's values in a stable order: the two whole-funnel runs give two values, the others one. */
    Map<String, List<Double>> figures(long largestRssMegabytes) {
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        figures.put(WHOLE_FUNNEL, List.of(first.leadsPerSecond(), second.leadsPerSecond()));
        figures.put("whole funnel, CPU ms per lead", List.of(first.totalCpuMillisPerLead(),
                second.totalCpuMillisPerLead()));
        for (String part : first.cpuSeconds().keySet()) {
            figures.put("whole funnel, CPU ms per lead: " + part, List.of(first.cpuMillisPerLead(part),
                    second.cpuMillisPerLead(part)));
        }
        figures.put("whole funnel, CPU ms per lead: the services' JIT compilers", List.of(
                first.compilerMillisPerLead(), second.compilerMillisPerLead()));
        figures.put(CATCH_UP, List.of(catchUp.leadsPerSecond()));
        for (String part : catchUp.cpuSeconds().keySet()) {
            figures.put("catch-up, CPU ms per lead: " + part, List.of(catchUp.cpuMillisPerLead(part)));
        }
        figures.put(LARGEST_RSS, List.of((double) largestRssMegabytes));
        return figures;
    }

    static void write(Map<String, List<Double>> figures, Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        figures.forEach((name, values) -> text.append(name).append('\t').append(values.stream()
                .map(String::valueOf).collect(Collectors.joining(" "))).append('\n'));
        Files.writeString(file, text);
    }

    static Map<String, List<Double>> read(Path file) throws IOException {
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] nameAndValues = line.split("\t", 2);
            figures.put(nameAndValues[0], new ArrayList<>(Arrays.stream(nameAndValues[1].split(" "))
                    .map(Double::valueOf).toList()));
        }
        return figures;
    }
}
