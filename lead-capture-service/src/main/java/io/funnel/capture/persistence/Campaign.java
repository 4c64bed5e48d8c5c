package io.funnel.capture.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
public class Campaign extends PanacheEntityBase {

    public enum Status {
        DRAFT, LAUNCHED
    }

    @Id
    public UUID id;
    public String name;
    public String channel;
    public LocalDate startsOn;
    public LocalDate endsOn;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant launchedAt;
    public Instant updatedAt;
    @Version
    public long version;
}
