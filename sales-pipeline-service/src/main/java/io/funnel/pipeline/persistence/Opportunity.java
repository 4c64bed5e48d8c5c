package io.funnel.pipeline.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A deal opened on an accepted lead, until it is won or lost. */
@Entity
public class Opportunity extends PanacheEntityBase {

    public enum Status {
        OPEN, WON, LOST
    }

    @Id
    public UUID id;
    public UUID leadId;
    public UUID repId;
    public BigDecimal amount;
    public String currency;
    public LocalDate expectedCloseDate;
    /** The sales process step (discovery, proposal, negotiation…), free text. */
    public String stage;
    @Enumerated(EnumType.STRING)
    public Status status;
    public BigDecimal wonAmount;
    public String lostReason;
    public String objection;
    public Instant openedAt;
    public Instant closedAt;
    @Version
    public long version;
}
