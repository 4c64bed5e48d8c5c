package io.funnel.pipeline.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** Something a prospect objected to, fed back to marketing. */
@Entity
public class Objection extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID leadId;
    public UUID opportunityId;
    public String category;
    public String text;
    public Instant loggedAt;
}
