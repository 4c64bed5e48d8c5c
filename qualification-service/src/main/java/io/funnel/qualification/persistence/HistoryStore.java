package io.funnel.qualification.persistence;

import io.funnel.events.ActivityEvent.ActivityType;
import io.funnel.platform.persistence.HeldInserts;
import io.funnel.platform.persistence.RecordsetStatement;
import io.funnel.qualification.domain.Activity;
import io.funnel.qualification.domain.LeadAttributes;
import io.funnel.qualification.domain.LeadHistory;
import io.funnel.qualification.domain.LeadHistory.Outcome;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Leads' scores with their history, activities and pipeline outcomes: written once each, read back per lead or all at
 * once for replays.
 */
@ApplicationScoped
public class HistoryStore {

    private static final RecordsetStatement SCORE_HISTORY = new RecordsetStatement("insert into score_history"
            + " (lead_id, scored_at, total, fit, behaviour, model_version, cause)"
            + " select lead_id, scored_at, total, fit, behaviour, model_version, cause from %s",
            "lead_id uuid", "scored_at timestamptz", "total int", "fit int", "behaviour int", "model_version int",
            "cause text");

    /**
     * Serialises, until the transaction ends, everything that touches one lead: its events arrive on several topics
     * at once, and an activity stored while the profile is being scored must not be missed by both.
     */
    public Uni<Void> lockLead(UUID leadId) {
        if (LockedLeads.ofBatch().filter(locked -> locked.holds(leadId)).isPresent()) {
            return Uni.createFrom().voidItem();
        }
        return AdvisoryLock.acquire(LockedLeads.lockKey(leadId));
    }

    /**
     * Locks a consumed batch's leads at once and reads their scores' existence, activities and rejections with one
     * statement each; the calls below then answer from what was read. Outside a batch it does nothing.
     */
    public Uni<Void> lockAndRead(Collection<UUID> leadIds) {
        return LockedLeads.lockAndRead(leadIds);
    }

    /** The lead's stored score, or null for a lead never scored; call under the lead's lock, before scoring it. */
    public Uni<ScoredLead> scoredLead(UUID leadId) {
        if (LockedLeads.ofBatch().filter(locked -> locked.unscored(leadId)).isPresent()) {
            return Uni.createFrom().nullItem();
        }
        return ScoredLead.findById(leadId);
    }

    /**
     * Stores the lead's new score and adds it to its score history. The history row waits for the end of the consumed
     * batch (see {@link HeldInserts}): nothing reads it back before the commit.
     */
    public Uni<Void> storeScore(ScoredLead lead, String cause) {
        return lead.persist()
                .invoke(() -> LockedLeads.ofBatch().ifPresent(locked -> locked.scoreStored(lead.leadId)))
                .chain(() -> HeldInserts.insert(SCORE_HISTORY, List.<Object[]>of(new Object[] {lead.leadId,
                        lead.scoredAt, lead.total, lead.fit, lead.behaviour, lead.modelVersion, cause})));
    }

    /** Answers whether the activity was new (the same activity id may arrive again, e.g. after identification). */
    public Uni<Boolean> addActivity(UUID leadId, Activity activity) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into lead_activity (activity_id, lead_id,"
                        + " type, occurred_at) values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, activity.activityId())
                .setParameter(2, leadId)
                .setParameter(3, activity.type().name())
                .setParameter(4, activity.occurredAt())
                .executeUpdate())
                .map(inserted -> inserted > 0)
                .invoke(added -> LockedLeads.ofBatch().ifPresent(locked -> locked.activityAdded(leadId)));
    }

    public Uni<Void> addOutcome(UUID leadId, Outcome outcome, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into pipeline_outcome (lead_id, outcome,"
                        + " occurred_at) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, leadId)
                .setParameter(2, outcome.name())
                .setParameter(3, at)
                .executeUpdate())
                .invoke(() -> {
                    if (outcome == Outcome.REJECTED) {
                        LockedLeads.ofBatch().ifPresent(locked -> locked.rejectionAdded(leadId));
                    }
                })
                .replaceWithVoid();
    }

    /** When sales last rejected the lead; null if it never did. Kept even while the lead itself is not known yet. */
    public Uni<Instant> lastRejection(UUID leadId) {
        Optional<LockedLeads> locked = LockedLeads.ofBatch().filter(batch -> batch.knowsLastRejection(leadId));
        if (locked.isPresent()) {
            return Uni.createFrom().item(locked.get().lastRejection(leadId));
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery("select max(o.occurredAt) from PipelineOutcome o"
                        + " where o.leadId = ?1 and o.outcome = ?2", Instant.class)
                .setParameter(1, leadId)
                .setParameter(2, Outcome.REJECTED)
                .getSingleResult());
    }

    public Uni<List<Activity>> activitiesOf(UUID leadId) {
        Optional<List<Activity>> read = LockedLeads.ofBatch().flatMap(locked -> locked.activitiesOf(leadId));
        if (read.isPresent()) {
            return Uni.createFrom().item(read.get());
        }
        return LeadActivity.<LeadActivity>list("leadId", leadId)
                .map(rows -> rows.stream().map(LeadActivity::toActivity).toList());
    }

    /**
     * Up to {@code limit} scored leads with their activities and outcomes, in lead id order after {@code after} (null:
     * from the first), for the simulation; it reads all leads a page at a time, so memory does not grow with them.
     */
    public Uni<List<LeadHistory>> historiesAfter(UUID after, int limit) {
        String from = after == null ? "" : " where l.leadId > :after";
        return Panache.getSession().chain(s -> {
            var query = s.createSelectionQuery("select l.leadId, l.jobTitle, l.companySize, l.industry, l.country,"
                    + " l.emailDomain, l.hasPhone, l.capturedAt from ScoredLead l" + from + " order by l.leadId",
                    Object[].class).setMaxResults(limit);
            return (after == null ? query : query.setParameter("after", after)).getResultList();
        }).chain(leads -> {
            if (leads.isEmpty()) {
                return Uni.createFrom().item(List.<LeadHistory>of());
            }
            // the page's leads are a range of ids: one range scan each (rows of ids in it that are not scored
            // leads, e.g. an activity before its lead's profile, are read and left out)
            UUID first = (UUID) leads.get(0)[0];
            UUID last = (UUID) leads.get(leads.size() - 1)[0];
            return rows("select a.leadId, a.activityId, a.type, a.occurredAt from LeadActivity a"
                            + " where a.leadId between :first and :last", first, last)
                    .chain(activities -> rows("select o.leadId, o.outcome, o.occurredAt from PipelineOutcome o"
                            + " where o.leadId between :first and :last", first, last)
                            .map(outcomes -> join(leads, activities, outcomes)));
        });
    }

    /** Plain rows rather than managed entities: a replay reads every activity once and changes nothing. */
    private static Uni<List<Object[]>> rows(String hql, UUID first, UUID last) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(hql, Object[].class)
                .setParameter("first", first).setParameter("last", last).getResultList());
    }

    private static List<LeadHistory> join(List<Object[]> leads, List<Object[]> activities,
            List<Object[]> outcomes) {
        Map<UUID, List<Activity>> byLead = new HashMap<>();
        activities.forEach(a -> byLead.computeIfAbsent((UUID) a[0], id -> new ArrayList<>())
                .add(new Activity((UUID) a[1], (ActivityType) a[2], (Instant) a[3])));
        Map<UUID, Set<Outcome>> outcomesByLead = new HashMap<>();
        Map<UUID, List<Instant>> rejectionsByLead = new HashMap<>();
        outcomes.forEach(o -> {
            outcomesByLead.computeIfAbsent((UUID) o[0], id -> EnumSet.noneOf(Outcome.class)).add((Outcome) o[1]);
            if (o[1] == Outcome.REJECTED) {
                rejectionsByLead.computeIfAbsent((UUID) o[0], id -> new ArrayList<>()).add((Instant) o[2]);
            }
        });
        return leads.stream().map(l -> {
            UUID leadId = (UUID) l[0];
            LeadAttributes attributes = new LeadAttributes((String) l[1], (Integer) l[2], (String) l[3], (String) l[4],
                    (String) l[5], (Boolean) l[6]);
            return new LeadHistory(leadId, attributes, (Instant) l[7], byLead.getOrDefault(leadId, List.of()),
                    outcomesByLead.getOrDefault(leadId, Set.of()), rejectionsByLead.getOrDefault(leadId, List.of()));
        }).toList();
    }
}
