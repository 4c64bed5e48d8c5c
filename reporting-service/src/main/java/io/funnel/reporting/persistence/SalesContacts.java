package io.funnel.reporting.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** First assignment, first-contact due time and first contact per lead; SLA breaches. */
@ApplicationScoped
public class SalesContacts {

    /** A lead's first assignment and first contact; {@code due} and {@code contactedAt} may be unknown. */
    public record Contact(UUID leadId, Instant assignedAt, Instant due, Instant contactedAt) {
    }

    public record Breach(UUID leadId, String kind, String repId, Instant breachedAt) {
    }

    public Uni<Void> assigned(UUID leadId, Instant at, Instant due) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into sales_contact (lead_id, assigned_at, first_contact_due) values (?1, ?2, ?3)
                        on conflict (lead_id) do update
                        set assigned_at = excluded.assigned_at, first_contact_due = excluded.first_contact_due
                        where sales_contact.assigned_at is null or excluded.assigned_at < sales_contact.assigned_at""")
                .setParameter(1, leadId)
                .setParameter(2, utc(at))
                .setParameter(3, utc(due))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> contacted(UUID leadId, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into sales_contact (lead_id, first_contacted_at) values (?1, ?2)
                        on conflict (lead_id) do update set first_contacted_at =
                            least(sales_contact.first_contacted_at, excluded.first_contacted_at)""")
                .setParameter(1, leadId)
                .setParameter(2, utc(at))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> breached(UUID leadId, String kind, Instant due, UUID repId, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into sla_breach (lead_id, kind, due_at, rep_id, breached_at) values (?1, ?2, ?3, ?4, ?5)
                        on conflict (lead_id, kind, due_at) do update
                        set rep_id = excluded.rep_id, breached_at = excluded.breached_at
                        where (excluded.breached_at, coalesce(excluded.rep_id, ''))
                            < (sla_breach.breached_at, coalesce(sla_breach.rep_id, ''))""")
                .setParameter(1, leadId)
                .setParameter(2, kind)
                .setParameter(3, utc(due))
                .setParameter(4, repId == null ? null : repId.toString())
                .setParameter(5, utc(at))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<Contact>> contacts() {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("""
                        select lead_id, %s, %s, %s from sales_contact where assigned_at is not null"""
                        .formatted(millis("assigned_at"), millis("first_contact_due"), millis("first_contacted_at")))
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Contact((UUID) r[0], instant(r[1]), instant(r[2]),
                        instant(r[3]))).toList());
    }

    public Uni<List<Breach>> breaches() {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                        "select lead_id, kind, rep_id, " + millis("breached_at") + " from sla_breach")
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Breach((UUID) r[0], (String) r[1], (String) r[2],
                        instant(r[3]))).toList());
    }

    static String millis(String column) {
        return "(extract(epoch from " + column + ") * 1000)::bigint";
    }

    static Instant instant(Object epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(((Number) epochMillis).longValue());
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
