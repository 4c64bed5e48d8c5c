package io.funnel.reporting.persistence;

import static io.funnel.reporting.persistence.SalesContacts.instant;
import static io.funnel.reporting.persistence.SalesContacts.millis;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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

    public Uni<Void> rejected(UUID leadId, String reason, Instant at) {
        return update("insert into rejection (lead_id, reason, rejected_at) values (?1, ?2, ?3) on conflict do nothing",
                leadId, reason, utc(at));
    }

    public Uni<Void> objection(UUID leadId, String category, Instant at) {
        return update("insert into objection (lead_id, category, logged_at) values (?1, ?2, ?3) on conflict do nothing",
                leadId, category.strip().toLowerCase(java.util.Locale.ROOT), utc(at));
    }

    public Uni<Void> opened(UUID opportunityId, UUID leadId, BigDecimal amount, String currency, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into opportunity (opportunity_id, lead_id, amount, currency, opened_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (opportunity_id) do update
                        set amount = excluded.amount, currency = excluded.currency, opened_at = excluded.opened_at
                        where opportunity.opened_at is null or excluded.opened_at < opportunity.opened_at""")
                .setParameter(1, opportunityId)
                .setParameter(2, leadId)
                .setParameter(3, amount)
                .setParameter(4, currency)
                .setParameter(5, utc(at))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> won(UUID opportunityId, UUID leadId, BigDecimal amount, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into opportunity (opportunity_id, lead_id, won_amount, won_at) values (?1, ?2, ?3, ?4)
                        on conflict (opportunity_id) do update
                        set won_amount = excluded.won_amount, won_at = excluded.won_at
                        where opportunity.won_at is null or excluded.won_at < opportunity.won_at""")
                .setParameter(1, opportunityId)
                .setParameter(2, leadId)
                .setParameter(3, amount)
                .setParameter(4, utc(at))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> lost(UUID opportunityId, UUID leadId, String reason, String objection, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into opportunity (opportunity_id, lead_id, lost_reason, lost_objection, lost_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (opportunity_id) do update set lost_reason = excluded.lost_reason,
                            lost_objection = excluded.lost_objection, lost_at = excluded.lost_at
                        where opportunity.lost_at is null or excluded.lost_at < opportunity.lost_at""")
                .setParameter(1, opportunityId)
                .setParameter(2, leadId)
                .setParameter(3, reason)
                .setParameter(4, objection == null || objection.isBlank() ? null
                        : objection.strip().toLowerCase(java.util.Locale.ROOT))
                .setParameter(5, utc(at))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<Rejection>> rejections() {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                        "select lead_id, reason, " + millis("rejected_at") + " from rejection").getResultList())
                .map(rows -> rows.stream().map(r -> new Rejection((UUID) r[0], (String) r[1], instant(r[2])))
                        .toList());
    }

    public Uni<List<Objection>> objections() {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                        "select lead_id, category, " + millis("logged_at") + " from objection").getResultList())
                .map(rows -> rows.stream().map(r -> new Objection((UUID) r[0], (String) r[1], instant(r[2])))
                        .toList());
    }

    public Uni<List<Opportunity>> opportunities() {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("""
                        select opportunity_id, lead_id, amount, currency, %s, %s, won_amount, %s, lost_reason,
                            lost_objection from opportunity"""
                        .formatted(millis("opened_at"), millis("won_at"), millis("lost_at"))).getResultList())
                .map(rows -> rows.stream().map(r -> new Opportunity((UUID) r[0], (UUID) r[1], decimal(r[2]),
                        r[3] == null ? null : r[3].toString(), instant(r[4]), instant(r[5]), decimal(r[6]),
                        instant(r[7]), (String) r[8], (String) r[9])).toList());
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    private static Uni<Void> update(String sql, UUID leadId, String value, OffsetDateTime at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(sql)
                .setParameter(1, leadId)
                .setParameter(2, value)
                .setParameter(3, at)
                .executeUpdate()).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
