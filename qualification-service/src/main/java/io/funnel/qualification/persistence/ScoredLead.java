package io.funnel.qualification.persistence;

import io.funnel.qualification.domain.LeadAttributes;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** The attributes the scoring rules read (no names, e-mails or phones) and the lead's current score. */
@Entity
public class ScoredLead extends PanacheEntityBase {

    @Id
    public UUID leadId;
    public String jobTitle;
    public Integer companySize;
    public String industry;
    public String country;
    public String emailDomain;
    public boolean hasPhone;
    /** When the profile applied here was true; an older profile arriving late is ignored. */
    public Instant profileAt;
    public int total;
    public int fit;
    public int behaviour;
    /** The rule contributions of the current score, as JSON. */
    public String explanation;
    /** When the lead became an MQL in its current cycle; cleared when sales rejects it (recycled). */
    public Instant qualifiedAt;
    public Instant updatedAt;
    /** The earliest profile time seen: when the lead entered the funnel, for replays. */
    public Instant capturedAt;
    public String persona;
    public Instant disqualifiedAt;
    public String disqualifyReason;
    /** The latest rejection by sales; the lead may qualify again only after new engagement. */
    public Instant rejectedAt;
    /** The instant the stored score was computed for (behaviour decays after it). */
    public Instant scoredAt;
    public int modelVersion;

    public LeadAttributes attributes() {
        return new LeadAttributes(jobTitle, companySize, industry, country, emailDomain, hasPhone);
    }
}
