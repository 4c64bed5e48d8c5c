package io.funnel.reporting.domain;

import io.funnel.events.LifecycleStage;
import java.time.Duration;
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
        Instant first = null;
        for (Instant at : entries.values()) {
            first = first == null || at.isBefore(first) ? at : first;
        }
        return first == null ? Instant.EPOCH : first;
    }

    /** The furthest of the six funnel stages it reached, if any. */
    public Optional<LifecycleStage> furthest() {
        LifecycleStage furthest = null;
        for (LifecycleStage stage : entries.keySet()) {
            furthest = stage.isFunnelStage() && (furthest == null || stage.compareTo(furthest) > 0) ? stage : furthest;
        }
        return Optional.ofNullable(furthest);
    }

    public boolean reached(LifecycleStage stage) {
        if (!stage.isFunnelStage()) {
            return entries.containsKey(stage);
        }
        return furthest().map(f -> f.compareTo(stage) >= 0).orElse(false);
    }

    /** Time from entering {@code stage} to entering the next funnel stage it reached, when both are known. */
    public Optional<Duration> timeIn(LifecycleStage stage) {
        Instant entered = entries.get(stage);
        if (entered == null || !stage.isFunnelStage()) {
            return Optional.empty();
        }
        LifecycleStage next = null;
        for (LifecycleStage later : entries.keySet()) {
            if (later.isFunnelStage() && later.compareTo(stage) > 0 && (next == null || later.compareTo(next) < 0)) {
                next = later;
            }
        }
        return next == null ? Optional.empty()
                : Optional.of(Duration.between(entered, entries.get(next))).filter(d -> !d.isNegative());
    }
}
