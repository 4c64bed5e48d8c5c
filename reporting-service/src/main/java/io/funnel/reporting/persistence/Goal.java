package io.funnel.reporting.persistence;

import io.funnel.events.LifecycleStage;
import io.funnel.reporting.domain.GoalMetric;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
public class Goal extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public GoalMetric metric;
    public BigDecimal target;
    public LocalDate startsOn;
    public LocalDate deadline;
    @Enumerated(EnumType.STRING)
    public LifecycleStage.Owner ownerTeam;
    public Instant createdAt;
}
