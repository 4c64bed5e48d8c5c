package io.funnel.qualification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What is stored of one lead, for replaying it against a proposed model: its attributes (known from
 * {@code capturedAt}), its activities in {@link Activity#CHRONOLOGICAL} order, what sales did with it and when sales
 * rejected it.
 */
public record LeadHistory(UUID leadId, LeadAttributes attributes, Instant capturedAt, List<Activity> activities,
        Set<Outcome> outcomes, List<Instant> rejections) {

    public enum Outcome {
        ACCEPTED, REJECTED, WON
    }

    public LeadHistory {
        activities = activities.stream().sorted(Activity.CHRONOLOGICAL).toList();
        outcomes = Set.copyOf(outcomes);
        rejections = rejections.stream().sorted().toList();
    }

    /** The latest rejection by sales at or before {@code at}; null if there was none by then. */
    public Instant rejectedAsOf(Instant at) {
        Instant latest = null;
        for (Instant rejection : rejections) {
            if (rejection.isAfter(at)) {
                break;
            }
            latest = rejection;
        }
        return latest;
    }
}
