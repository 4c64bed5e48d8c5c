package io.funnel.reporting.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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

    private static final RowWrite ASSIGNED = new RowWrite("sales_assignment", """
            insert into sales_contact (lead_id, assigned_at, first_contact_due)
            select distinct on (lead_id) lead_id, assigned_at, first_contact_due from %s order by lead_id, assigned_at
            on conflict (lead_id) do update
            set assigned_at = excluded.assigned_at, first_contact_due = excluded.first_contact_due
            where sales_contact.assigned_at is null or excluded.assigned_at < sales_contact.assigned_at""",
            "lead_id uuid", "assigned_at timestamptz", "first_contact_due timestamptz");
    private static final RowWrite CONTACTED = new RowWrite("sales_contact", """
            insert into sales_contact (lead_id, first_contacted_at)
            select lead_id, min(first_contacted_at) from %s group by lead_id order by lead_id
            on conflict (lead_id) do update set first_contacted_at = excluded.first_contacted_at
            where sales_contact.first_contacted_at is null
                or excluded.first_contacted_at < sales_contact.first_contacted_at""",
            "lead_id uuid", "first_contacted_at timestamptz");
    private static final RowWrite BREACHED = new RowWrite("sla_breach", """
            insert into sla_breach (lead_id, kind, due_at, rep_id, breached_at)
            select distinct on (lead_id, kind, due_at) lead_id, kind, due_at, rep_id, breached_at from %s
            order by lead_id, kind, due_at, breached_at, coalesce(rep_id, '')
            on conflict (lead_id, kind, due_at) do update
            set rep_id = excluded.rep_id, breached_at = excluded.breached_at
            where (excluded.breached_at, coalesce(excluded.rep_id, ''))
                < (sla_breach.breached_at, coalesce(sla_breach.rep_id, ''))""",
            "lead_id uuid", "kind text", "due_at timestamptz", "rep_id text", "breached_at timestamptz");

    public void assigned(ProjectionBatch batch, UUID leadId, Instant at, Instant due) {
        batch.add(ASSIGNED, leadId, at, due);
    }

    public void contacted(ProjectionBatch batch, UUID leadId, Instant at) {
        batch.add(CONTACTED, leadId, at);
    }

    public void breached(ProjectionBatch batch, UUID leadId, String kind, Instant due, UUID repId, Instant at) {
        batch.add(BREACHED, leadId, kind, due, repId, at);
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
}
