package io.funnel.capture.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** The first answer given to an {@code Idempotency-Key}; a retry with the same key and body gets it again. */
@Entity
public class IdempotentRequest extends PanacheEntityBase {

    @Id
    public String idempotencyKey;
    /** SHA-256 of the request, so the same key with a different body is refused rather than replayed. */
    public String requestHash;
    public int status;
    public UUID leadId;
    public String body;
    public Instant createdAt;
}
