package io.funnel.reporting.persistence;

import io.funnel.platform.persistence.CursorReads;
import io.funnel.platform.persistence.PoolReads;
import io.funnel.reporting.domain.Period;
import io.funnel.reporting.domain.SlaReport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collector;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** First assignment, first-contact due time and first contact per lead; SLA breaches. */
@ApplicationScoped
public class SalesContacts {

    /** A lead's first assignment and first contact; {@code due} and {@code contactedAt} may be unknown. */
    public record Contact(UUID leadId, Instant assignedAt, Instant due, Instant contactedAt) {
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

    private final Pool database;
    private final int pageSize;

    public SalesContacts(Pool database, @ConfigProperty(name = "funnel.reporting.page-size") int pageSize) {
        this.database = database;
        this.pageSize = pageSize;
    }

    public void assigned(ProjectionBatch batch, UUID leadId, Instant at, Instant due) {
        batch.add(ASSIGNED, leadId, at, due);
    }

    public void contacted(ProjectionBatch batch, UUID leadId, Instant at) {
        batch.add(CONTACTED, leadId, at);
    }

    public void breached(ProjectionBatch batch, UUID leadId, String kind, Instant due, UUID repId, Instant at) {
        batch.add(BREACHED, leadId, kind, due, repId, at);
    }

    /** The contacts of the leads first assigned in the period, into a collector. */
    public <A, R> Uni<R> collectContacts(Period period, Collector<Contact, A, R> collector) {
        return CursorReads.collect(database, """
                        select lead_id, %s, %s, %s from sales_contact
                        where assigned_at >= coalesce($1::timestamptz, '-infinity')
                          and assigned_at < coalesce($2::timestamptz, 'infinity')"""
                        .formatted(millis("assigned_at"), millis("first_contact_due"), millis("first_contacted_at")),
                bounds(period), pageSize,
                row -> new Contact(row.getUUID(0), instant(row.getLong(1)), instant(row.getLong(2)),
                        instant(row.getLong(3))),
                collector);
    }

    /** The breaches of the period counted per rep, in rep order; a lead waiting in a team queue counts for none. */
    public Uni<List<SlaReport.RepBreaches>> breachesByRep(Period period) {
        return PoolReads.list(database, """
                        select coalesce(rep_id, $3), count(*) filter (where kind = 'FIRST_CONTACT'),
                            count(*) filter (where kind = 'DECISION'), count(*)
                        from sla_breach
                        where breached_at >= coalesce($1::timestamptz, '-infinity')
                          and breached_at < coalesce($2::timestamptz, 'infinity')
                        group by 1""", bounds(period).addString(SlaReport.UNASSIGNED),
                        r -> new SlaReport.RepBreaches(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3)))
                .map(reps -> reps.stream().sorted(Comparator.comparing(SlaReport.RepBreaches::repId)).toList());
    }

    private static Tuple bounds(Period period) {
        return Tuple.tuple().addOffsetDateTime(utc(period.from())).addOffsetDateTime(utc(period.to()));
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    static String millis(String column) {
        return "(extract(epoch from " + column + ") * 1000)::bigint";
    }

    static Instant instant(Object epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(((Number) epochMillis).longValue());
    }
}
