package io.funnel.reporting.persistence;

import io.funnel.platform.persistence.PoolReads;
import io.funnel.reporting.domain.LeadProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The lead attributes reports group by; every write is order-independent (see V3__lead_attributes.sql). */
@ApplicationScoped
public class LeadAttributes {

    private static final RowWrite ATTRIBUTE = new RowWrite("lead_attribution", """
            insert into lead_attribute (lead_id, source, campaign, content, attributed_at)
            select distinct on (lead_id) lead_id, source, campaign, content, attributed_at from %s
            order by lead_id, attributed_at
            on conflict (lead_id) do update set source = excluded.source, campaign = excluded.campaign,
                content = excluded.content, attributed_at = excluded.attributed_at
            where lead_attribute.attributed_at is null or excluded.attributed_at < lead_attribute.attributed_at""",
            "lead_id uuid", "source text", "campaign text", "content text", "attributed_at timestamptz");
    private static final RowWrite PERSONA = new RowWrite("lead_persona", """
            insert into lead_attribute (lead_id, persona, persona_at)
            select distinct on (lead_id) lead_id, persona, persona_at from %s
            order by lead_id, persona_at desc, persona desc
            on conflict (lead_id) do update set persona = excluded.persona, persona_at = excluded.persona_at
            where lead_attribute.persona_at is null
                or (excluded.persona_at, excluded.persona) > (lead_attribute.persona_at, lead_attribute.persona)""",
            "lead_id uuid", "persona text", "persona_at timestamptz");
    private static final RowWrite REP = new RowWrite("lead_rep", """
            insert into lead_attribute (lead_id, rep_id, assigned_at)
            select distinct on (lead_id) lead_id, rep_id, assigned_at from %s
            order by lead_id, assigned_at desc, coalesce(rep_id, '') desc
            on conflict (lead_id) do update set rep_id = excluded.rep_id, assigned_at = excluded.assigned_at
            where lead_attribute.assigned_at is null
                or (excluded.assigned_at, coalesce(excluded.rep_id, ''))
                    > (lead_attribute.assigned_at, coalesce(lead_attribute.rep_id, ''))""",
            "lead_id uuid", "rep_id text", "assigned_at timestamptz");

    private final Pool database;

    public LeadAttributes(Pool database) {
        this.database = database;
    }

    public void attribute(ProjectionBatch batch, UUID leadId, String source, String campaign, String content,
            Instant at) {
        batch.add(ATTRIBUTE, leadId, source, campaign, content, at);
    }

    public void persona(ProjectionBatch batch, UUID leadId, String persona, Instant at) {
        batch.add(PERSONA, leadId, persona, at);
    }

    /** The rep of the latest assignment; a null rep means the lead waits in a team queue. */
    public void rep(ProjectionBatch batch, UUID leadId, UUID repId, Instant at) {
        batch.add(REP, leadId, repId, at);
    }

    /** The profiles of these leads; a lead without one is missing from the map. */
    public Uni<Map<UUID, LeadProfile>> of(Collection<UUID> leads) {
        return PoolReads.list(database, "select lead_id, source, campaign, content, persona, rep_id"
                        + " from lead_attribute where lead_id = any($1)", Tuple.of(leads.toArray(UUID[]::new)),
                        r -> Map.entry(r.getUUID(0), new LeadProfile(r.getString(1), r.getString(2), r.getString(3),
                                r.getString(4), r.getString(5))))
                .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
