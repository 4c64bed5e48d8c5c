package io.funnel.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptureAloneTest {

    @Test
    void setsTheCpuPerLeadAgainstWhatTheCoresAllowAtTheTargetRate() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("lead-capture-service", 8.0);
        cpu.put("qualification-service", 0.0);
        cpu.put(CpuMeter.DATABASE, 10.0);
        cpu.put(CpuMeter.BROKER_AND_LOAD, 2.0);
        LeadLoad.Result capture = new LeadLoad.Result(10_000, 10_000, 0, 20.0, new Latencies(), Map.of());

        CaptureAlone.Result result = new CaptureAlone.Result(capture, cpu, 2);

        assertEquals(0.8, result.cpuMillisPerLead("lead-capture-service"), 1e-9);
        assertEquals(2.0, result.totalCpuMillisPerLead(), 1e-9);
        String markdown = result.markdown(2_000);
        assertTrue(markdown.contains("**500 leads/s**"), markdown);
        assertTrue(markdown.contains("CPU 2.00 ms per lead in all, so the 2 cores allow ~1,000 leads/s at this cost, "
                + "and 2,000 leads/s needs 1.00 ms per lead."), markdown);
        assertTrue(markdown.contains("| PostgreSQL | 10.0 | 1.00 |"), markdown);
    }
}
