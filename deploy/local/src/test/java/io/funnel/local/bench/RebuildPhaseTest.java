package io.funnel.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RebuildPhaseTest {

    private static final EventFlood.Result WRITTEN = new EventFlood.Result(1_000_000, 125_000, 10.0);

    @Test
    void judgesTheFirstRebuildAndShowsWhatTheCompilersTookOfEach() {
        RebuildPhase.Result result = new RebuildPhase.Result(WRITTEN,
                new Attempt<>(replay(1_000_000, 25.0, 8.0), null),
                new Attempt<>(replay(1_000_000, 20.0, 0.5), null));

        assertEquals(40_000, result.eventsPerSecond(), 1e-9);
        assertEquals(1_000_000, result.events());
        String markdown = result.markdown();
        assertTrue(markdown.contains("| first, reporting just started (judged) | DONE | 1,000,000 | 25.0 | 40,000 "
                + "| 8.0 (40%) | 20.0 | 6.0 | 28.0 |"), markdown);
        assertTrue(markdown.contains("| again, its code compiled | DONE | 1,000,000 | 20.0 | 50,000 | 0.5 (3%) "
                + "| 20.0 | 6.0 | 28.0 |"), markdown);
    }

    @Test
    void aFirstRebuildThatFailedIsNotJudgedAndSaysWhyTheSecondDidNotRun() {
        RebuildPhase.Result result = new RebuildPhase.Result(WRITTEN,
                new Attempt<>(new RebuildPhase.Replay(new RebuildTimer.Result("FAILED", 10, 1.0, "broker gone"),
                        Map.of(), 0), null),
                Attempt.skipped("the first rebuild did not finish"));

        assertEquals(0, result.eventsPerSecond());
        String markdown = result.markdown();
        assertTrue(markdown.contains("| FAILED: broker gone | 10 |"), markdown);
        assertTrue(markdown.contains("| again, its code compiled | not measured: the first rebuild did not finish |"),
                markdown);
    }

    private static RebuildPhase.Replay replay(long events, double seconds, double compilerSeconds) {
        return new RebuildPhase.Replay(new RebuildTimer.Result("DONE", events, seconds, null),
                Map.of("reporting-service", 20.0, CpuMeter.DATABASE, 6.0, CpuMeter.BROKER_AND_LOAD, 2.0),
                compilerSeconds);
    }
}
