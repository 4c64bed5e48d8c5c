package io.funnel.qualification.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One past score of a lead and what caused it. */
@Entity
public class ScoreHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID leadId;
    public Instant scoredAt;
    public int total;
    public int fit;
    public int behaviour;
    public int modelVersion;
    public String cause;
}
