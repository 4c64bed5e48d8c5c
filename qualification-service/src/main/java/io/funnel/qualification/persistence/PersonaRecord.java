package io.funnel.qualification.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored persona; its criteria are JSON. */
@Entity
@Table(name = "persona")
public class PersonaRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String criteria;
    public Instant createdAt;
    public Instant updatedAt;
}
