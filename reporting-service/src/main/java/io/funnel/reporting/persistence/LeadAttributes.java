package io.funnel.reporting.persistence;

import io.funnel.platform.persistence.KeysetPages;
import io.funnel.reporting.domain.LeadProfile;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    private final int pageSize;

    public LeadAttributes(@ConfigProperty(name = "funnel.reporting.page-size") int pageSize) {
        this.pageSize = pageSize;
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

    /**
     * Every lead's profile, by lead id as text; read a page at a time, and leads with the same profile share one
     * instance, so that the map, not every row, is held.
     */
    public Uni<Map<String, LeadProfile>> all() {
        Map<String, LeadProfile> profiles = new HashMap<>();
        Map<LeadProfile, LeadProfile> distinct = new HashMap<>();
        return KeysetPages.read(pageSize, this::profilesAfter, (Object[] row) -> (String) row[0])
                .onItem().invoke(rows -> rows.forEach(r -> profiles.put((String) r[0], distinct.computeIfAbsent(
                        new LeadProfile((String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5]),
                        profile -> profile))))
                .onItem().ignoreAsUni()
                .map(done -> profiles);
    }

    private Uni<List<Object[]>> profilesAfter(String leadId) {
        String sql = "select lead_id::text, source, campaign, content, persona, rep_id from lead_attribute"
                + (leadId == null ? "" : " where lead_id > ?1") + " order by lead_id limit " + pageSize;
        return Panache.getSession().chain(s -> {
            var query = s.<Object[]>createNativeQuery(sql);
            return (leadId == null ? query : query.setParameter(1, UUID.fromString(leadId))).getResultList();
        });
    }
}
