package io.funnel.reporting.persistence;

import io.funnel.events.LifecycleStage;
import io.funnel.reporting.domain.JourneyFold;
import io.funnel.reporting.domain.LeadJourney;
import io.funnel.reporting.domain.LeadProfile;
import io.funnel.platform.persistence.CursorReads;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collector;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The stage-entry table (earliest time per subject and stage) and the visitor links: written by the projection, read
 * back as journeys, each folded by {@link JourneyFold}.
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
            insert into visitor_link (visitor_id, lead_id)
            select distinct on (visitor_id) visitor_id, lead_id from %s order by visitor_id, lead_id
            on conflict do nothing""", "visitor_id text", "lead_id uuid");

    /** A journey's entries as arrays: a visitor's entries belong to the lead it became (visitor_link). */
    private static final String JOURNEYS = """
            select j.subject, j.stages, j.millis, a.source, a.campaign, a.content, a.persona, a.rep_id
            from (select coalesce(l.lead_id::text, e.subject) as subject, array_agg(e.stage) as stages,
                         array_agg((extract(epoch from e.entered_at) * 1000)::bigint) as millis
                  from stage_entry e left join visitor_link l on e.subject = 'visitor:' || l.visitor_id
                  where e.entered_at <= $1
                  group by 1) j
            left join lead_attribute a on a.lead_id::text = j.subject""";

    private final Pool database;
    private final int pageSize;

    public StageEntries(Pool database, @ConfigProperty(name = "funnel.reporting.page-size") int pageSize) {
        this.database = database;
        this.pageSize = pageSize;
    }

    public void enter(ProjectionBatch batch, String subject, LifecycleStage stage, Instant at) {
        batch.add(ENTER, subject, stage.name(), stage.isFunnelStage() ? stage.ordinal() : null, at);
    }

    public void link(ProjectionBatch batch, String visitorId, UUID leadId) {
        batch.add(LINK, visitorId, leadId);
    }

    /**
     * Every journey up to {@code asOf} into a collector: a lead's entries with those of the visitors it was, or an
     * anonymous visitor's own, with the lead's profile. A report holds its collector's tallies, never the
     * journeys, so its memory does not grow with the number of leads.
     */
    public <A, R> Uni<R> collectJourneys(Instant asOf, Collector<LeadJourney, A, R> collector) {
        return CursorReads.collect(database, JOURNEYS, Tuple.of(asOf.atOffset(ZoneOffset.UTC)), pageSize,
                StageEntries::journey, collector);
    }

    private static LeadJourney journey(Row row) {
        return new LeadJourney(row.getString(0),
                JourneyFold.fold(row.getArrayOfStrings(1), Arrays.stream(row.getArrayOfLongs(2))
                        .mapToLong(Long::longValue).toArray()),
                new LeadProfile(row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                        row.getString(7)));
    }
}
