package io.funnel.pipeline.persistence;

import io.funnel.platform.InOrder;
import io.funnel.platform.persistence.RecordsetStatement;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Country, source and persona of a lead, as capture and qualification announced them; used only for routing. */
@Entity
public class LeadRouting extends PanacheEntityBase {

    /** A lead's country and source (null where capture's event had none) as of that event. */
    public record Origin(UUID leadId, String country, String source, Instant at) {
    }

    private static final RecordsetStatement RECORD_ORIGINS = new RecordsetStatement("""
            insert into lead_routing (lead_id, country, source, origin_at)
            select lead_id, country, source, origin_at from %s
            on conflict (lead_id) do update
            set country = coalesce(excluded.country, lead_routing.country),
                source = coalesce(excluded.source, lead_routing.source),
                origin_at = excluded.origin_at
            where lead_routing.origin_at is null or lead_routing.origin_at <= excluded.origin_at""",
            "lead_id uuid", "country text", "source text", "origin_at timestamptz");

    @Id
    public UUID leadId;
    public String country;
    public String source;
    public String persona;
    public Instant originAt;

    /**
     * Locks the lead's row until the transaction ends and answers it, creating it empty if capture's event has not come
     * yet. The leads channel writes the same row ({@link #recordOrigins}) before it looks for the lead's MQL, so an MQL
     * and its origin consumed at once on the two channels take turns: whichever comes second sees what the first
     * committed, where each would otherwise miss the other and leave the MQL routed without its country and source.
     * Usually capture's event came first and this is one statement.
     */
    public static Uni<LeadRouting> lock(UUID leadId) {
        return LeadRouting.<LeadRouting>findById(leadId, LockModeType.PESSIMISTIC_WRITE)
                .chain(found -> found != null ? Uni.createFrom().item(found)
                        : Panache.getSession().chain(s -> s.createNativeQuery("""
                                        insert into lead_routing (lead_id) values (?1)
                                        on conflict (lead_id) do update set lead_id = excluded.lead_id""")
                                .setParameter(1, leadId)
                                .executeUpdate())
                        .chain(() -> LeadRouting.<LeadRouting>findById(leadId)));
    }

    /**
     * Keeps the newest country and source of each lead; an older event arriving late changes nothing. A lead's second
     * origin in the list goes into a second statement, after the first (one statement cannot change a row twice), so
     * each is applied as it would be alone. Rows are locked in the order of their lead ids.
     */
    public static Uni<Void> recordOrigins(List<Origin> origins) {
        List<List<Object[]>> rounds = new ArrayList<>();
        Map<UUID, Integer> originsOfLead = new HashMap<>();
        for (Origin origin : origins) {
            int round = originsOfLead.merge(origin.leadId(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(new Object[] {origin.leadId(), origin.country(), origin.source(), origin.at()});
        }
        rounds.forEach(rows -> rows.sort(Comparator.comparing(row -> (UUID) row[0])));
        return InOrder.each(rounds, RECORD_ORIGINS::execute);
    }

    public static Uni<Void> recordPersona(UUID leadId, String persona) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into lead_routing (lead_id, persona) values (?1, ?2)
                        on conflict (lead_id) do update set persona = excluded.persona""")
                .setParameter(1, leadId).setParameter(2, persona)
                .executeUpdate()).replaceWithVoid();
    }
}
