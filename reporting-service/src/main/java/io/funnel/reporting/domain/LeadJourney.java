package io.funnel.reporting.domain;

import io.funnel.events.LifecycleStage;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * One lead's (or anonymous visitor's) stage entries, earliest time per stage, and its profile. Stages it skipped
 * (a lead qualified straight away never "entered" VISITOR on its own) have no entry but still count as reached.
 */
public record LeadJourney(String subject, Map<LifecycleStage, Instant> entries, LeadProfile profile) {

    public LeadJourney {
        entries = Collections.unmodifiableMap(entries);
    }

    /** When the subject first appeared in the funnel: its cohort time. */
    public Instant firstSeen() {
        return entries.values().stream().min(Instant::compareTo).orElse(Instant.EPOCH);
    }

    /** The furthest of the six funnel stages it reached, if any. */
    public Optional<LifecycleStage> furthest() {
        return entries.keySet().stream().filter(LifecycleStage::isFunnelStage)
                .max(Enum::compareTo);
    }

    public boolean reached(LifecycleStage stage) {
        if (!stage.isFunnelStage()) {
            return entries.containsKey(stage);
        }
        return furthest().map(f -> f.compareTo(stage) >= 0).orElse(false);
    }

    /** Time from entering {@code stage} to entering the next funnel stage it reached, when both are known. */
    public Optional<java.time.Duration> timeIn(LifecycleStage stage) {
        Instant entered = entries.get(stage);
        if (entered == null || !stage.isFunnelStage()) {
            return Optional.empty();
        }
        return entries.entrySet().stream()
                .filter(e -> e.getKey().isFunnelStage() && e.getKey().compareTo(stage) > 0)
                .min(Map.Entry.comparingByKey())
                .map(next -> java.time.Duration.between(entered, next.getValue()))
                .filter(d -> !d.isNegative());
    }
}
