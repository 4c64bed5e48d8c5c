package io.funnel.reporting.persistence;

import io.funnel.events.LifecycleStage;
import io.funnel.platform.persistence.KeysetPages;
import io.funnel.reporting.domain.JourneyFold;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The stage-entry table (earliest time per subject and stage) and the visitor links: written by the projection, read
 * back as journeys through {@link JourneyFold}.
 */
@ApplicationScoped
public class StageEntries {

    public static String visitor(String visitorId) {
        return "visitor:" + visitorId;
    }

    private static final RowWrite ENTER = new RowWrite("stage_entry", """
            insert into stage_entry (subject, stage, stage_rank, entered_at)
            select subject, stage, stage_rank, min(entered_at) from %s group by subject, stage, stage_rank
            order by subject, stage
            on conflict (subject, stage) do update set entered_at = excluded.entered_at
            where excluded.entered_at < stage_entry.entered_at""",
            "subject text collate \"C\"", "stage text collate \"C\"", "stage_rank integer", "entered_at timestamptz");
    private static final RowWrite LINK = new RowWrite("visitor_link", """
            insert into visitor_link (visitor_id, lead_id) select visitor_id, lead_id from %s order by visitor_id
            on conflict do nothing""", "visitor_id text", "lead_id uuid");

    private final int pageSize;

    public StageEntries(@ConfigProperty(name = "funnel.reporting.page-size") int pageSize) {
        this.pageSize = pageSize;
    }

    public void enter(ProjectionBatch batch, String subject, LifecycleStage stage, Instant at) {
        batch.add(ENTER, subject, stage.name(), stage.isFunnelStage() ? stage.ordinal() : null, at);
    }

    public void link(ProjectionBatch batch, String visitorId, UUID leadId) {
        batch.add(LINK, visitorId, leadId);
    }

    /** How many stage entries there are up to {@code asOf}: what {@link #bySubject} would read. */
    public Uni<Long> countUpTo(Instant asOf) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select count(*) from stage_entry"
                        + " where entered_at <= ?1", Long.class)
                .setParameter(1, asOf.atOffset(ZoneOffset.UTC))
                .getSingleResult());
    }

    /**
     * Every subject's stage entries up to {@code asOf}, earliest time per stage, visitors folded into leads; read a
     * page of entries at a time, so that only the journeys, not every row, are held.
     */
    public Uni<Map<String, Map<LifecycleStage, Instant>>> bySubject(Instant asOf) {
        Map<String, Map<LifecycleStage, Instant>> journeys = new HashMap<>();
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                        "select visitor_id, lead_id::text from visitor_link").getResultList())
                .map(links -> links.stream().collect(Collectors.toMap(l -> visitor((String) l[0]), l -> (String) l[1])))
                .chain(links -> KeysetPages.read(pageSize, (Object[] after) -> entriesAfter(asOf, after), row -> row)
                        .onItem().invoke(rows -> JourneyFold.foldInto(journeys, rows.stream()
                                .map(r -> new JourneyFold.Entry((String) r[0], LifecycleStage.valueOf((String) r[1]),
                                        Instant.ofEpochMilli(((Number) r[2]).longValue())))
                                .toList(), links, asOf))
                        .onItem().ignoreAsUni())
                .map(done -> journeys);
    }

    /** Up to a page of entries in key order after the entry {@code after} ({subject, stage}; null: from the first). */
    private Uni<List<Object[]>> entriesAfter(Instant asOf, Object[] after) {
        String sql = "select subject, stage, (extract(epoch from entered_at) * 1000)::bigint from stage_entry"
                + " where entered_at <= ?1" + (after == null ? "" : " and (subject, stage) > (?2, ?3)")
                + " order by subject, stage limit " + pageSize;
        return Panache.getSession().chain(s -> {
            var query = s.<Object[]>createNativeQuery(sql).setParameter(1, asOf.atOffset(ZoneOffset.UTC));
            return (after == null ? query : query.setParameter(2, after[0]).setParameter(3, after[1]))
                    .getResultList();
        });
    }
}
