package io.funnel.qualification.persistence;

import io.funnel.events.ActivityEvent.ActivityType;
import io.funnel.qualification.domain.Activity;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** An activity of an identified lead. */
@Entity
public class LeadActivity extends PanacheEntityBase {

    @Id
    public UUID activityId;
    public UUID leadId;
    @Enumerated(EnumType.STRING)
    public ActivityType type;
    public Instant occurredAt;

    public Activity toActivity() {
        return new Activity(activityId, type, occurredAt);
    }
}
