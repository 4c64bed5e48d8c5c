package io.funnel.reporting.persistence;

import io.funnel.reporting.domain.LeadProfile;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The lead attributes reports group by; every write is order-independent (see V3__lead_attributes.sql). */
@ApplicationScoped
public class LeadAttributes {

    public Uni<Void> attribute(UUID leadId, String source, String campaign, String content, Instant at) {
        return write("""
                insert into lead_attribute (lead_id, source, campaign, content, attributed_at)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (lead_id) do update set source = excluded.source, campaign = excluded.campaign,
                    content = excluded.content, attributed_at = excluded.attributed_at
                where lead_attribute.attributed_at is null or excluded.attributed_at < lead_attribute.attributed_at""",
                leadId, source, campaign, content, at);
    }

    public Uni<Void> persona(UUID leadId, String persona, Instant at) {
        return write("""
                insert into lead_attribute (lead_id, persona, persona_at) values (?1, ?2, ?3)
                on conflict (lead_id) do update set persona = excluded.persona, persona_at = excluded.persona_at
                where lead_attribute.persona_at is null
                    or (excluded.persona_at, excluded.persona) > (lead_attribute.persona_at, lead_attribute.persona)""",
                leadId, persona, at);
    }

    /** The rep of the latest assignment; a null rep means the lead waits in a team queue. */
    public Uni<Void> rep(UUID leadId, UUID repId, Instant at) {
        return write("""
                insert into lead_attribute (lead_id, rep_id, assigned_at) values (?1, ?2, ?3)
                on conflict (lead_id) do update set rep_id = excluded.rep_id, assigned_at = excluded.assigned_at
                where lead_attribute.assigned_at is null
                    or (excluded.assigned_at, coalesce(excluded.rep_id, ''))
                        > (lead_attribute.assigned_at, coalesce(lead_attribute.rep_id, ''))""",
                leadId, repId == null ? null : repId.toString(), at);
    }

    /** Every lead's profile, by lead id as text. */
    public Uni<Map<String, LeadProfile>> all() {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                        "select lead_id::text, source, campaign, content, persona, rep_id from lead_attribute")
                .getResultList())
                .map(LeadAttributes::toProfiles);
    }

    private static Map<String, LeadProfile> toProfiles(List<Object[]> rows) {
        Map<String, LeadProfile> profiles = new HashMap<>();
        for (Object[] r : rows) {
            profiles.put((String) r[0], new LeadProfile((String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5]));
        }
        return profiles;
    }

    private static Uni<Void> write(String sql, UUID leadId, Object a, Object b, Object c, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(sql)
                .setParameter(1, leadId)
                .setParameter(2, a)
                .setParameter(3, b)
                .setParameter(4, c)
                .setParameter(5, at.atOffset(ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    private static Uni<Void> write(String sql, UUID leadId, Object value, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(sql)
                .setParameter(1, leadId)
                .setParameter(2, value)
                .setParameter(3, at.atOffset(ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }
}
