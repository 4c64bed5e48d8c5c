package io.funnel.reporting.webhooks;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A subscription: where to POST which event types, and the secret that signs them. */
@Entity
public class Webhook extends PanacheEntityBase {

    @Id
    public UUID id;
    public String url;
    /** CloudEvents types; empty for every type. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> eventTypes;
    public String description;
    public boolean active;
    public String secret;
    public Instant createdAt;
    public Instant updatedAt;
}
