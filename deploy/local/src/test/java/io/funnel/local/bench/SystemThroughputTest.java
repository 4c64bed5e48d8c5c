package io.funnel.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemThroughputTest {

    @Test
    void tellsWhatTheServicesJitCompilersTookOfTheCpu() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("lead-capture-service", 6.0);
        cpu.put(CpuMeter.DATABASE, 4.0);
        LeadLoad.Result capture = new LeadLoad.Result(5_000, 5_000, 0, 25.0, new Latencies(), Map.of());

        SystemThroughput.Result result = new SystemThroughput.Result(capture, 5.0, cpu, 2.5, 2);

        assertEquals(0.5, result.compilerMillisPerLead(), 1e-9);
        assertEquals(2.0, result.totalCpuMillisPerLead(), 1e-9);
        String markdown = result.markdown();
        assertTrue(markdown.contains("**167 leads/s through the whole funnel**"), markdown);
        assertTrue(markdown.contains("their JIT compilers (C1 and C2 threads) used 2.5 s, 0.50 ms per lead, 25% of "
                + "all"), markdown);
    }
}
