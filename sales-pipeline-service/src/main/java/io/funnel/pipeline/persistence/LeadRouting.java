package io.funnel.pipeline.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** Country, source and persona of a lead, as capture and qualification announced them; used only for routing. */
@Entity
public class LeadRouting extends PanacheEntityBase {

    @Id
    public UUID leadId;
    public String country;
    public String source;
    public String persona;
    public Instant originAt;

    /**
     * Locks the lead's row until the transaction ends, creating it empty if capture's event has not come yet. The leads
     * channel writes the same row ({@link #recordOrigin}) before it looks for the lead's MQL, so an MQL and its origin
     * consumed at once on the two channels take turns: whichever comes second sees what the first committed, where
     * each would otherwise miss the other and leave the MQL routed without its country and source.
     */
    public static Uni<Void> lock(UUID leadId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into lead_routing (lead_id) values (?1)
                        on conflict (lead_id) do update set lead_id = excluded.lead_id""")
                .setParameter(1, leadId)
                .executeUpdate()).replaceWithVoid();
    }

    /** Keeps the newest country and source; an older event arriving late changes nothing. */
    public static Uni<Void> recordOrigin(UUID leadId, String country, String source, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into lead_routing (lead_id, country, source, origin_at) values (?1, ?2, ?3, ?4)
                        on conflict (lead_id) do update
                        set country = coalesce(excluded.country, lead_routing.country),
                            source = coalesce(excluded.source, lead_routing.source),
                            origin_at = excluded.origin_at
                        where lead_routing.origin_at is null or lead_routing.origin_at <= excluded.origin_at""")
                .setParameter(1, leadId).setParameter(2, country).setParameter(3, source).setParameter(4, at)
                .executeUpdate()).replaceWithVoid();
    }

    public static Uni<Void> recordPersona(UUID leadId, String persona) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into lead_routing (lead_id, persona) values (?1, ?2)
                        on conflict (lead_id) do update set persona = excluded.persona""")
                .setParameter(1, leadId).setParameter(2, persona)
                .executeUpdate()).replaceWithVoid();
    }
}
