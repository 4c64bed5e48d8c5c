package io.funnel.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCompareTest {

    @TempDir
    Path dir;

    @Test
    void alternatesTheBuildsSoThatDriftWeighsOnBoth() {
        assertEquals(List.of("A", "B"), BenchCompare.order(1));
        assertEquals(List.of("A", "B", "B", "A", "A", "B"), BenchCompare.order(3));
    }

    @Test
    void figuresSurviveTheFileBetweenProcesses() throws Exception {
        Map<String, List<Double>> figures = figures(List.of(127.4, 165.0), List.of(13.25), 0.66);
        Path file = dir.resolve("figures.tsv");

        FunnelFigures.write(figures, file);

        assertEquals(figures, FunnelFigures.read(file));
    }

    @Test
    void reportsEveryRunInOrderWithEachBuildsMediansAndTheirRatio() {
        BenchCompare compare = new BenchCompare(dir.resolve("a"), dir.resolve("b"));
        compare.record("A", figures(List.of(100.0, 120.0), List.of(10.0, 12.0), 0.5));
        compare.record("B", figures(List.of(150.0, 170.0), List.of(8.0, 9.0), 0.4));
        compare.record("B", figures(List.of(130.0, 140.0), List.of(7.0, 9.5), 0.3));
        compare.record("A", figures(List.of(110.0, 90.0), List.of(11.0, 13.0), 0.6));

        String report = compare.markdown();

        assertTrue(report.contains("| figure | #1 A | #2 B | #3 B | #4 A | median A | median B | B/A |"), report);
        assertTrue(report.contains("| whole funnel, leads/s | 100 / 120 | 150 / 170 | 130 / 140 | 110 / 90 | 105 | 145 "
                + "| 1.38 |"), report);
        assertTrue(report.contains("| whole funnel, CPU ms per lead | 10.00 / 12.00 | 8.00 / 9.00 | 7.00 / 9.50 "
                + "| 11.00 / 13.00 | 11.50 | 8.50 | 0.74 |"), report);
        assertTrue(report.contains("| catch-up, CPU ms per lead: PostgreSQL | 0.50 | 0.40 | 0.30 | 0.60 | 0.55 | 0.35 "
                + "| 0.64 |"), report);
    }

    private static Map<String, List<Double>> figures(List<Double> leadsPerSecond, List<Double> cpuPerLead,
            double catchUpDatabase) {
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        figures.put(FunnelFigures.WHOLE_FUNNEL, leadsPerSecond);
        figures.put("whole funnel, CPU ms per lead", cpuPerLead);
        figures.put("catch-up, CPU ms per lead: PostgreSQL", List.of(catchUpDatabase));
        return figures;
    }
}
