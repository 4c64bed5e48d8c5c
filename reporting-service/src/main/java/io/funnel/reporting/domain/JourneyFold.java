package io.funnel.reporting.domain;

import io.funnel.events.LifecycleStage;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Folds one journey's stage entries (the lead's own and those of the anonymous visitors it was) into its earliest time
 * per stage. Only minimums are involved, so the result does not depend on the order of the entries nor on repeats —
 * the property the projection relies on (see the property-based test).
 */
public final class JourneyFold {

    private JourneyFold() {
    }

    /**
     * @param stages the stage of each entry, by name
     * @param millis the time of each entry (epoch milliseconds), at the same index
     */
    public static Map<LifecycleStage, Instant> fold(String[] stages, long[] millis) {
        Map<LifecycleStage, Instant> entries = new EnumMap<>(LifecycleStage.class);
        for (int i = 0; i < stages.length; i++) {
            entries.merge(LifecycleStage.valueOf(stages[i]), Instant.ofEpochMilli(millis[i]),
                    (a, b) -> a.isBefore(b) ? a : b);
        }
        return entries;
    }
}
