package io.funnel.capture.persistence;

import io.funnel.events.ActivityEvent.ActivityType;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Something a visitor did; {@code leadId} stays null until the visitor identifies. */
@Entity
public class Activity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String visitorId;
    public UUID leadId;
    @Enumerated(EnumType.STRING)
    public ActivityType type;
    public String url;
    public String contentId;
    public String campaign;
    public Instant occurredAt;

    public static Uni<List<Activity>> anonymousOf(String visitorId) {
        return list("visitorId = ?1 and leadId is null order by occurredAt", visitorId);
    }
}
