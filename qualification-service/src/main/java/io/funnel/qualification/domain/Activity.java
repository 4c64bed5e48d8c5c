package io.funnel.qualification.domain;

import io.funnel.events.ActivityEvent.ActivityType;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** One thing a lead did; the same {@code activityId} is the same activity, however often it arrives. */
public record Activity(UUID activityId, ActivityType type, Instant occurredAt) {

    /** A total order, so sums over activities do not depend on the order they arrived in. */
    public static final Comparator<Activity> CHRONOLOGICAL = Comparator.comparing(Activity::occurredAt)
            .thenComparing(Activity::activityId);
}
