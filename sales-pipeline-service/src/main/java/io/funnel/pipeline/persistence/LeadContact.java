package io.funnel.pipeline.persistence;

import io.funnel.events.PipelineEvent.ContactChannel;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A call, e-mail or meeting a rep logged on a lead. */
@Entity
public class LeadContact extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID leadId;
    public UUID repId;
    @Enumerated(EnumType.STRING)
    public ContactChannel channel;
    public String outcome;
    public String note;
    public Instant occurredAt;
}
