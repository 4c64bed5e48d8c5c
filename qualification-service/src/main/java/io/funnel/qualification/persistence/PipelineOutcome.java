package io.funnel.qualification.persistence;

import io.funnel.qualification.domain.LeadHistory.Outcome;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** What sales did with a lead, kept for the simulation. */
@Entity
public class PipelineOutcome extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID leadId;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public Instant occurredAt;
}
