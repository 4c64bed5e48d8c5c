package io.funnel.qualification.domain;

import java.time.Instant;
import java.util.Collection;

/**
 * When a scored lead is an MQL: its score reaches the threshold in force, it is not disqualified, it matches the
 * persona the agreement requires (if any), and, after sales rejected it, it has engaged again since.
 *
 * @param minNewActivities activities after a rejection needed before a recycled lead may qualify again (0: at once)
 */
public record MqlPolicy(int minNewActivities) {

    /** The MQL definition of the agreement in force (or the configured default). */
    public record Definition(int threshold, String requiredPersona) {
    }

    public boolean qualifies(LeadScore score, Definition definition, String persona, boolean disqualified,
            Instant rejectedAt, Collection<Activity> activities) {
        if (disqualified || score.disqualifiedBy() != null || score.total() < definition.threshold()) {
            return false;
        }
        if (definition.requiredPersona() != null && !definition.requiredPersona().equalsIgnoreCase(
                persona == null ? "" : persona)) {
            return false;
        }
        return rejectedAt == null || engagedSince(rejectedAt, activities);
    }

    /** Whether the lead did enough after {@code rejectedAt} to be considered again. */
    public boolean engagedSince(Instant rejectedAt, Collection<Activity> activities) {
        return activities.stream().filter(a -> a.occurredAt().isAfter(rejectedAt)).count() >= minNewActivities;
    }
}
