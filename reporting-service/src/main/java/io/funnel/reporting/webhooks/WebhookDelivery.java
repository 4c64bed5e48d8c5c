package io.funnel.reporting.webhooks;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One event for one webhook, with the state of its attempts; written and updated by {@link Deliveries}. */
@Entity
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID webhookId;
    public String eventId;
    public String eventType;
    /** The CloudEvents subject: the lead id (a visitor, campaign or content id for events about those). */
    public String subject;
    /** The CloudEvent as sent; null once its lead was erased. */
    public String payload;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    public Integer lastHttpStatus;
    public String lastError;
    public Instant nextAttemptAt;
    public UUID redeliveryOf;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant deliveredAt;
}
