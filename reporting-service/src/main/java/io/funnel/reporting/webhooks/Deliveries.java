package io.funnel.reporting.webhooks;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The writes of the delivery log that must be single statements: fan-out of an event to the webhooks that want it,
 * erasure, claiming due deliveries and recording an attempt. All but the claim run in the caller's transaction.
 */
@ApplicationScoped
public class Deliveries {

    private final Pool database;

    public Deliveries(Pool database) {
        this.database = database;
    }

    /** A claimed delivery with what an attempt needs. */
    record Due(UUID id, UUID webhookId, String url, String secret, String payload, int attemptsMade) {
    }

    /** What an attempt came to: the HTTP status answered, or why there was none. */
    record Outcome(Integer httpStatus, String error, long durationMs) {

        boolean delivered() {
            return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
        }
    }

    /** A row per active webhook whose types include this one; the unique index makes a repeated event a no-op. */
    Uni<Void> enqueue(String eventId, String type, String subject, String payload, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into webhook_delivery (id, webhook_id, event_id, event_type, subject, payload, status,
                                attempts, next_attempt_at, created_at, updated_at)
                        select gen_random_uuid(), w.id, cast(?1 as text), cast(?2 as text), cast(?3 as text),
                                cast(?4 as text), 'PENDING', 0, cast(?5 as timestamptz), cast(?5 as timestamptz),
                                cast(?5 as timestamptz)
                        from webhook w
                        where w.active and (cardinality(w.event_types) = 0 or cast(?2 as text) = any(w.event_types))
                        on conflict (webhook_id, event_id) where redelivery_of is null do nothing""")
                .setParameter(1, eventId)
                .setParameter(2, type)
                .setParameter(3, subject)
                .setParameter(4, payload)
                .setParameter(5, utc(now))
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * Drops the stored payloads of a lead's deliveries (and of the anonymous visits it was linked to); the rows stay
     * in the log. What was still to be sent is not sent any more.
     */
    Uni<Void> erase(UUID leadId, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update webhook_delivery set payload = null, updated_at = ?3,
                            last_error = case when status = 'PENDING' then 'Not sent: the lead was erased'
                                         else last_error end,
                            next_attempt_at = case when status = 'PENDING' then null else next_attempt_at end,
                            status = case when status = 'PENDING' then 'FAILED' else status end
                        where payload is not null
                          and (subject = ?1 or subject in (select visitor_id from visitor_link where lead_id = ?2))""")
                .setParameter(1, leadId.toString())
                .setParameter(2, leadId)
                .setParameter(3, utc(now))
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * Claims up to {@code limit} due deliveries, skipping those another instance holds, and leases them until
     * {@code leaseUntil}: an attempt whose outcome is never recorded (a crash) is made again after that. Its own
     * transaction on the reactive pool: through Hibernate, a native select caches a new plan at every poll.
     */
    Uni<List<Due>> claimDue(Instant now, int limit, Instant leaseUntil) {
        return database.withTransaction(connection -> connection.preparedQuery("""
                        with due as (
                            select id from webhook_delivery
                            where status = 'PENDING' and payload is not null and next_attempt_at <= $1
                            order by next_attempt_at limit $2 for update skip locked),
                        leased as (
                            update webhook_delivery d set next_attempt_at = $3 from due where d.id = due.id
                            returning d.id, d.webhook_id, d.payload, d.attempts)
                        select l.id, l.webhook_id, w.url, w.secret, l.payload, l.attempts
                        from leased l join webhook w on w.id = l.webhook_id""")
                .execute(Tuple.of(utc(now), limit, utc(leaseUntil))))
                .map(rows -> {
                    List<Due> due = new ArrayList<>(rows.size());
                    rows.forEach(r -> due.add(new Due(r.getUUID("id"), r.getUUID("webhook_id"), r.getString("url"),
                            r.getString("secret"), r.getString("payload"), r.getInteger("attempts"))));
                    return due;
                });
    }

    /**
     * Logs the attempt and moves the delivery on; answers false when the delivery was no longer pending (its lead was
     * erased meanwhile), which keeps it as the erasure left it.
     */
    Uni<Boolean> record(Due due, Outcome outcome, Instant at, DeliveryStatus status, Instant nextAttemptAt) {
        int attempt = due.attemptsMade() + 1;
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into webhook_attempt (id, delivery_id, attempt, attempted_at, http_status, error,
                                duration_ms)
                        values (gen_random_uuid(), ?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
                .setParameter(1, due.id())
                .setParameter(2, attempt)
                .setParameter(3, utc(at))
                .setParameter(4, outcome.httpStatus())
                .setParameter(5, outcome.error())
                .setParameter(6, outcome.durationMs())
                .executeUpdate()
                .chain(() -> s.createNativeQuery("""
                                update webhook_delivery set attempts = ?2, status = ?3, last_http_status = ?4,
                                    last_error = ?5, next_attempt_at = ?6, delivered_at = ?7, updated_at = ?8
                                where id = ?1 and status = 'PENDING'""")
                        .setParameter(1, due.id())
                        .setParameter(2, attempt)
                        .setParameter(3, status.name())
                        .setParameter(4, outcome.httpStatus())
                        .setParameter(5, outcome.error())
                        .setParameter(6, utc(nextAttemptAt))
                        .setParameter(7, status == DeliveryStatus.DELIVERED ? utc(at) : null)
                        .setParameter(8, utc(at))
                        .executeUpdate()))
                .map(updated -> updated > 0);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
