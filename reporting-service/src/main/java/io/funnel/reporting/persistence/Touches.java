package io.funnel.reporting.persistence;

import static io.funnel.reporting.persistence.SalesContacts.millis;

import io.funnel.platform.persistence.PoolReads;
import io.funnel.reporting.domain.Touch;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Campaign and content touches, with visitors resolved to their lead. */
@ApplicationScoped
public class Touches {

    private static final RowWrite TOUCHED = new RowWrite("touch", """
            insert into touch (activity_id, subject, campaign, content, occurred_at)
            select distinct on (activity_id) activity_id, subject, campaign, content, occurred_at from %s
            order by activity_id, subject like 'visitor:%%'
            on conflict (activity_id) do update set subject = excluded.subject
            where touch.subject like 'visitor:%%' and excluded.subject not like 'visitor:%%'""",
            "activity_id uuid", "subject text", "campaign text", "content text", "occurred_at timestamptz");

    private final Pool database;

    public Touches(Pool database) {
        this.database = database;
    }

    public void touched(ProjectionBatch batch, UUID activityId, String subject, String campaign, String content,
            Instant at) {
        batch.add(TOUCHED, activityId, subject, campaign, content, at);
    }

    /** How many activities named each campaign or content (anonymous ones too): "traffic". */
    public Uni<Map<String, Long>> traffic(String column) {
        if (!"campaign".equals(column) && !"content".equals(column)) {
            throw new IllegalArgumentException(column);
        }
        return PoolReads.list(database, "select " + column + ", count(*) from touch where " + column
                        + " is not null group by 1", r -> Map.entry(r.getString(0), r.getLong(1)))
                .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Every touch of these leads: activities (also those made while anonymous) and the capture itself. */
    public Uni<List<Touch>> ofLeads(Collection<UUID> leads) {
        return touches("lead = any($1)", Tuple.of(leads.stream().map(UUID::toString).toArray(String[]::new)));
    }

    /** Every touch of an identified lead naming one of these campaigns or contents. */
    public Uni<List<Touch>> naming(Collection<String> campaigns, Collection<String> contents) {
        return touches("campaign = any($1) or content = any($2)",
                Tuple.of(campaigns.toArray(String[]::new), contents.toArray(String[]::new)));
    }

    private Uni<List<Touch>> touches(String condition, Tuple parameters) {
        return PoolReads.list(database, """
                        select lead::uuid, campaign, content, millis, capture from (
                            select coalesce(l.lead_id::text, t.subject) as lead, t.campaign, t.content,
                                %s as millis, false as capture
                            from touch t left join visitor_link l on t.subject = 'visitor:' || l.visitor_id
                            union all
                            select lead_id::text, campaign, content, %s, true from lead_attribute
                            where attributed_at is not null and (campaign is not null or content is not null)
                        ) touches
                        where lead not like 'visitor:%%' and (%s)"""
                        .formatted(millis("t.occurred_at"), millis("attributed_at"), condition), parameters,
                r -> new Touch(r.getUUID(0), r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)),
                        r.getBoolean(4)));
    }
}
