package io.funnel.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuMeterTest {

    @Test
    void readsWhatTheJitCompilerThreadsOfAJvmUsed() {
        // This JVM has compiled the test framework's code by now: at least a tick (10 ms) of its compilers' CPU.
        double compilers = CpuMeter.compilerSeconds(ProcessHandle.current().pid());

        assertTrue(compilers >= 0.01, "compiler seconds " + compilers);
        assertTrue(compilers < ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis() / 1000.0,
                "a part of the process's CPU");
    }

    @Test
    void aJvmThatIsGoneUsedNothing() {
        assertEquals(0, CpuMeter.compilerSeconds(Long.MAX_VALUE));
    }
}
