package io.funnel.reporting.webhooks;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** The outcome of one attempt of a delivery: the HTTP status answered, or why there was none. */
@Entity
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID deliveryId;
    public int attempt;
    public Instant attemptedAt;
    public Integer httpStatus;
    public String error;
    public long durationMs;
}
