package io.funnel.reporting.persistence;

import static io.funnel.reporting.persistence.SalesContacts.instant;
import static io.funnel.reporting.persistence.SalesContacts.millis;

import io.funnel.platform.persistence.PoolReads;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Rejections, objections and opportunities as the feedback and attribution reports read them. */
@ApplicationScoped
public class SalesFeedback {

    public record Rejection(UUID leadId, String reason, Instant at) {
    }

    public record Objection(UUID leadId, String category, Instant at) {
    }

    public record Opportunity(UUID opportunityId, UUID leadId, BigDecimal amount, String currency, Instant openedAt,
            Instant wonAt, BigDecimal wonAmount, Instant lostAt, String lostReason, String lostObjection) {
    }

    private static final RowWrite REJECTED = new RowWrite("rejection", """
            insert into rejection (lead_id, reason, rejected_at) select distinct lead_id, reason, rejected_at from %s
            on conflict do nothing""", "lead_id uuid", "reason text", "rejected_at timestamptz");
    private static final RowWrite OBJECTION = new RowWrite("objection", """
            insert into objection (lead_id, category, logged_at) select distinct lead_id, category, logged_at from %s
            on conflict do nothing""", "lead_id uuid", "category text", "logged_at timestamptz");
    private static final RowWrite OPENED = new RowWrite("opportunity_opened", """
            insert into opportunity (opportunity_id, lead_id, amount, currency, opened_at)
            select distinct on (opportunity_id) opportunity_id, lead_id, amount, currency, opened_at from %s
            order by opportunity_id, opened_at
            on conflict (opportunity_id) do update
            set amount = excluded.amount, currency = excluded.currency, opened_at = excluded.opened_at
            where opportunity.opened_at is null or excluded.opened_at < opportunity.opened_at""",
            "opportunity_id uuid", "lead_id uuid", "amount numeric", "currency text", "opened_at timestamptz");
    private static final RowWrite WON = new RowWrite("opportunity_won", """
            insert into opportunity (opportunity_id, lead_id, won_amount, won_at)
            select distinct on (opportunity_id) opportunity_id, lead_id, won_amount, won_at from %s
            order by opportunity_id, won_at
            on conflict (opportunity_id) do update set won_amount = excluded.won_amount, won_at = excluded.won_at
            where opportunity.won_at is null or excluded.won_at < opportunity.won_at""",
            "opportunity_id uuid", "lead_id uuid", "won_amount numeric", "won_at timestamptz");
    private static final RowWrite LOST = new RowWrite("opportunity_lost", """
            insert into opportunity (opportunity_id, lead_id, lost_reason, lost_objection, lost_at)
            select distinct on (opportunity_id) opportunity_id, lead_id, lost_reason, lost_objection, lost_at from %s
            order by opportunity_id, lost_at
            on conflict (opportunity_id) do update set lost_reason = excluded.lost_reason,
                lost_objection = excluded.lost_objection, lost_at = excluded.lost_at
            where opportunity.lost_at is null or excluded.lost_at < opportunity.lost_at""",
            "opportunity_id uuid", "lead_id uuid", "lost_reason text", "lost_objection text", "lost_at timestamptz");

    private final Pool database;

    public SalesFeedback(Pool database) {
        this.database = database;
    }

    public void rejected(ProjectionBatch batch, UUID leadId, String reason, Instant at) {
        batch.add(REJECTED, leadId, reason, at);
    }

    public void objection(ProjectionBatch batch, UUID leadId, String category, Instant at) {
        batch.add(OBJECTION, leadId, category.strip().toLowerCase(Locale.ROOT), at);
    }

    public void opened(ProjectionBatch batch, UUID opportunityId, UUID leadId, BigDecimal amount, String currency,
            Instant at) {
        batch.add(OPENED, opportunityId, leadId, amount, currency, at);
    }

    public void won(ProjectionBatch batch, UUID opportunityId, UUID leadId, BigDecimal amount, Instant at) {
        batch.add(WON, opportunityId, leadId, amount, at);
    }

    public void lost(ProjectionBatch batch, UUID opportunityId, UUID leadId, String reason, String objection,
            Instant at) {
        batch.add(LOST, opportunityId, leadId, reason,
                objection == null || objection.isBlank() ? null : objection.strip().toLowerCase(Locale.ROOT), at);
    }

    public Uni<List<Rejection>> rejections() {
        return PoolReads.list(database, "select lead_id, reason, " + millis("rejected_at") + " from rejection",
                r -> new Rejection(r.getUUID(0), r.getString(1), instant(r.getLong(2))));
    }

    public Uni<List<Objection>> objections() {
        return PoolReads.list(database, "select lead_id, category, " + millis("logged_at") + " from objection",
                r -> new Objection(r.getUUID(0), r.getString(1), instant(r.getLong(2))));
    }

    public Uni<List<Opportunity>> opportunities() {
        return PoolReads.list(database, """
                        select opportunity_id, lead_id, amount, currency, %s, %s, won_amount, %s, lost_reason,
                            lost_objection from opportunity"""
                        .formatted(millis("opened_at"), millis("won_at"), millis("lost_at")),
                r -> new Opportunity(r.getUUID(0), r.getUUID(1), r.getBigDecimal(2), r.getString(3),
                        instant(r.getLong(4)), instant(r.getLong(5)), r.getBigDecimal(6), instant(r.getLong(7)),
                        r.getString(8), r.getString(9)));
    }
}
