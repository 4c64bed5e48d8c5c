package io.funnel.reporting.persistence;

import io.funnel.events.LifecycleStage;
import io.funnel.reporting.domain.JourneyFold;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The stage-entry table (earliest time per subject and stage) and the visitor links: written by the projection, read
 * back as journeys through {@link JourneyFold}.
 */
@ApplicationScoped
public class StageEntries {

    public static String visitor(String visitorId) {
        return "visitor:" + visitorId;
    }

    public Uni<Void> enter(String subject, LifecycleStage stage, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into stage_entry (subject, stage, stage_rank, entered_at) values (?1, ?2, ?3, ?4)
                        on conflict (subject, stage) do update
                        set entered_at = least(stage_entry.entered_at, excluded.entered_at)""")
                .setParameter(1, subject)
                .setParameter(2, stage.name())
                .setParameter(3, stage.isFunnelStage() ? stage.ordinal() : null)
                .setParameter(4, at.atOffset(ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> link(String visitorId, UUID leadId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "insert into visitor_link (visitor_id, lead_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, visitorId)
                .setParameter(2, leadId)
                .executeUpdate()).replaceWithVoid();
    }

    /** Every subject's stage entries up to {@code asOf}, earliest time per stage, visitors folded into leads. */
    public Uni<Map<String, Map<LifecycleStage, Instant>>> bySubject(Instant asOf) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                        "select visitor_id, lead_id::text from visitor_link").getResultList()
                .chain(links -> s.<Object[]>createNativeQuery("""
                                select subject, stage, (extract(epoch from entered_at) * 1000)::bigint
                                from stage_entry where entered_at <= ?1""")
                        .setParameter(1, asOf.atOffset(ZoneOffset.UTC))
                        .getResultList()
                        .map(rows -> JourneyFold.fold(rows.stream().map(r -> new JourneyFold.Entry((String) r[0],
                                        LifecycleStage.valueOf((String) r[1]),
                                        Instant.ofEpochMilli(((Number) r[2]).longValue()))).toList(),
                                links.stream().collect(Collectors.toMap(l -> visitor((String) l[0]),
                                        l -> (String) l[1])), asOf))));
    }
}
