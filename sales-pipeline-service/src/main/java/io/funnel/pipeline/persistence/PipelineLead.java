package io.funnel.pipeline.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A lead in sales' hands, with its SLA timers (stored, so they survive restarts). */
@Entity
public class PipelineLead extends PanacheEntityBase {

    public enum Stage {
        /** Waiting in a team queue: no rep with free capacity matched. */
        QUEUED,
        ASSIGNED, CONTACTED,
        /** Became an SQL. */
        ACCEPTED,
        /** Sent back to nurture (recycled) with a reason. */
        REJECTED,
        OPPORTUNITY, CUSTOMER, LOST;

        /** A rep still owes the lead a decision; these count against the rep's capacity. */
        public static final Set<Stage> OPEN = EnumSet.of(ASSIGNED, CONTACTED);
    }

    @Id
    public UUID leadId;
    @Enumerated(EnumType.STRING)
    public Stage stage;
    public String queue;
    public UUID repId;
    public UUID ruleId;
    public int score;
    /** Qualification's reasons for the score, as received; shown to the rep. */
    public String explanation;
    public String country;
    public String source;
    public String persona;
    public Instant qualifiedAt;
    public Instant assignedAt;
    public Instant firstContactDue;
    public Instant firstContactRiskAt;
    public Instant decisionDue;
    public Instant decisionRiskAt;
    /** The earliest deadline still open; orders the rep's queue. */
    public Instant nextDue;
    public Instant firstContactRiskSentAt;
    public Instant firstContactBreachedAt;
    public Instant decisionRiskSentAt;
    public Instant decisionBreachedAt;
    /** Contacts logged; each one is a versioned change of the lead, so concurrent ones cannot overwrite each other. */
    public int contacts;
    public Instant firstContactedAt;
    public Instant lastContactedAt;
    public Instant decidedAt;
    public String rejectionReason;
    public String rejectionNote;
    @Version
    public long version;

    /** Of these leads, those queued before their country and source were known. */
    public static Uni<List<UUID>> queuedWithoutOrigin(Collection<UUID> leadIds) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select l.leadId from PipelineLead l"
                        + " where l.leadId in ?1 and l.stage = ?2 and l.country is null and l.source is null", UUID.class)
                .setParameter(1, leadIds)
                .setParameter(2, Stage.QUEUED)
                .getResultList());
    }

    /** Open (undecided) leads per rep: what counts against each rep's capacity. */
    public static Uni<Map<UUID, Long>> openLeadsPerRep() {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select l.repId, count(l) from PipelineLead l where l.stage in :open and l.repId is not null"
                                + " group by l.repId", Object[].class)
                .setParameter("open", Stage.OPEN)
                .getResultList())
                .map(rows -> {
                    Map<UUID, Long> open = new HashMap<>();
                    rows.forEach(row -> open.put((UUID) row[0], ((Number) row[1]).longValue()));
                    return open;
                });
    }

    /** The deadline that matters next in this stage; null once the rep has decided. */
    public void refreshNextDue() {
        if (stage == Stage.ASSIGNED) {
            nextDue = firstContactDue;
        } else if (stage == Stage.CONTACTED) {
            nextDue = decisionDue;
        } else {
            nextDue = null;
        }
    }
}
