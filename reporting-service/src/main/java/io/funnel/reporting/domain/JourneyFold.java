package io.funnel.reporting.domain;

import io.funnel.events.LifecycleStage;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Folds stage entries into journeys: an anonymous visitor's entries move to the lead it became, and each stage keeps
 * its earliest time. Only minimums and set unions are involved, so the result does not depend on the order of the
 * entries nor on repeats — the property the projection relies on (see the property-based test).
 */
public final class JourneyFold {

    /** One row of the stage-entry table. */
    public record Entry(String subject, LifecycleStage stage, Instant at) {
    }

    private JourneyFold() {
    }

    /**
     * @param links visitor subject ({@code visitor:<id>}) to the lead id it became
     */
    /**
     * Adds entries to the journeys folded so far: folding entries in parts gives what folding them at once does.
     *
     * @param links visitor subject ({@code visitor:<id>}) to the lead id it became
     */
    public static void foldInto(Map<String, Map<LifecycleStage, Instant>> journeys, Collection<Entry> entries,
            Map<String, String> links, Instant asOf) {
        for (Entry entry : entries) {
            if (entry.at().isAfter(asOf)) {
                continue;
            }
            String subject = links.getOrDefault(entry.subject(), entry.subject());
            journeys.computeIfAbsent(subject, k -> new EnumMap<>(LifecycleStage.class))
                    .merge(entry.stage(), entry.at(), (a, b) -> a.isBefore(b) ? a : b);
        }
    }
}
