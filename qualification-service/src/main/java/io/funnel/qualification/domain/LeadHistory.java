package io.funnel.qualification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What is stored of one lead, for replaying it against a proposed model: its attributes (known from
 * {@code capturedAt}), its activities in {@link Activity#CHRONOLOGICAL} order and what sales did with it.
 */
public record LeadHistory(UUID leadId, LeadAttributes attributes, Instant capturedAt, List<Activity> activities,
        Set<Outcome> outcomes) {

    public enum Outcome {
        ACCEPTED, REJECTED, WON
    }

    public LeadHistory {
        activities = activities.stream().sorted(Activity.CHRONOLOGICAL).toList();
        outcomes = Set.copyOf(outcomes);
    }
}
