package io.funnel.qualification.persistence;

import io.funnel.platform.messaging.BatchMemo;
import io.funnel.platform.persistence.JsonRecordset;
import io.funnel.qualification.domain.Activity;
import io.funnel.qualification.domain.LeadHistory.Outcome;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A consumed batch's leads, locked together and read with one statement per kind instead of several per lead: whether
 * each has a score yet, its activities and its last rejection. Kept in the batch's {@link BatchMemo}; what was read
 * stays true for the transaction, as the locks keep the other consumers from adding to it, and this transaction's own
 * additions drop the lead's entry so that it is read again.
 */
final class LockedLeads {

    private static final String KEY = LockedLeads.class.getName();
    private static final List<String> KEY_COLUMN = List.of("key");
    private static final String LOCK_ALL = "select pg_advisory_xact_lock(r.key) from "
            + JsonRecordset.source("key bigint");

    private final Set<UUID> leadIds;
    private final Set<UUID> unscored;
    private final Map<UUID, List<Activity>> activities;
    private final Map<UUID, Instant> lastRejections;

    private LockedLeads(Set<UUID> leadIds, Set<UUID> unscored, Map<UUID, List<Activity>> activities,
            Map<UUID, Instant> lastRejections) {
        this.leadIds = leadIds;
        this.unscored = unscored;
        this.activities = activities;
        this.lastRejections = lastRejections;
    }

    /** The lock key of a lead, for PostgreSQL's advisory locks. */
    static long lockKey(UUID leadId) {
        return leadId.getMostSignificantBits() ^ leadId.getLeastSignificantBits();
    }

    /**
     * Locks the leads in the order of their keys (so two batches never wait for each other's locks in a cycle) and
     * reads what scoring them needs; inside a batch only, else does nothing.
     */
    static Uni<Void> lockAndRead(Collection<UUID> ids) {
        if (ids.isEmpty() || BatchMemo.loaded(KEY).isPresent()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> leadIds = List.copyOf(new HashSet<>(ids));
        List<Object[]> keys = leadIds.stream().map(LockedLeads::lockKey).sorted().distinct()
                .map(key -> new Object[] {key}).toList();
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(LOCK_ALL).setParameter(1, JsonRecordset.encode(KEY_COLUMN, keys))
                        .executeUpdate())
                .chain(() -> rows("select l.leadId from ScoredLead l where l.leadId in ?1", UUID.class, leadIds))
                .chain(scored -> rows("from LeadActivity a where a.leadId in ?1", LeadActivity.class, leadIds)
                        .chain(activities -> lastRejections(leadIds)
                                .map(rejections -> of(leadIds, scored, activities, rejections))))
                .chain(locked -> BatchMemo.remember(KEY, () -> Uni.createFrom().item(locked)))
                .replaceWithVoid();
    }

    /** The batch's locked leads; empty outside a batch or before {@link #lockAndRead}. */
    static Optional<LockedLeads> ofBatch() {
        return BatchMemo.loaded(KEY);
    }

    boolean holds(UUID leadId) {
        return leadIds.contains(leadId);
    }

    /** Whether the lead had no score when the batch began and none has been stored since. */
    boolean unscored(UUID leadId) {
        return unscored.contains(leadId);
    }

    void scoreStored(UUID leadId) {
        unscored.remove(leadId);
    }

    /** The activities read, if still current. */
    Optional<List<Activity>> activitiesOf(UUID leadId) {
        return Optional.ofNullable(activities.get(leadId));
    }

    boolean knowsLastRejection(UUID leadId) {
        return lastRejections.containsKey(leadId);
    }

    /** When sales last rejected the lead (null: never), if {@link #knowsLastRejection}. */
    Instant lastRejection(UUID leadId) {
        return lastRejections.get(leadId);
    }

    void activityAdded(UUID leadId) {
        activities.remove(leadId);
    }

    void rejectionAdded(UUID leadId) {
        lastRejections.remove(leadId);
    }

    private static <T> Uni<List<T>> rows(String hql, Class<T> type, List<UUID> leadIds) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(hql, type).setParameter(1, leadIds)
                .getResultList());
    }

    private static Uni<List<Object[]>> lastRejections(List<UUID> leadIds) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select o.leadId, max(o.occurredAt)"
                        + " from PipelineOutcome o where o.leadId in ?1 and o.outcome = ?2 group by o.leadId",
                        Object[].class)
                .setParameter(1, leadIds)
                .setParameter(2, Outcome.REJECTED)
                .getResultList());
    }

    private static LockedLeads of(List<UUID> leadIds, List<UUID> scored, List<LeadActivity> activities,
            List<Object[]> rejections) {
        Set<UUID> unscored = new HashSet<>(leadIds);
        scored.forEach(unscored::remove);
        Map<UUID, List<Activity>> byLead = new HashMap<>();
        Map<UUID, Instant> lastRejections = new HashMap<>();
        for (UUID leadId : leadIds) {
            byLead.put(leadId, new ArrayList<>());
            lastRejections.put(leadId, null);
        }
        activities.forEach(a -> byLead.get(a.leadId).add(a.toActivity()));
        rejections.forEach(r -> lastRejections.put((UUID) r[0], (Instant) r[1]));
        return new LockedLeads(Set.copyOf(leadIds), unscored, byLead, lastRejections);
    }
}
