package io.funnel.reporting.webhooks;

import io.funnel.platform.persistence.SessionSelect;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Which event types the active webhooks subscribe to, kept in memory so that an event no webhook wants costs no query.
 * It only ever skips the fan-out; when some webhook may want the type, the fan-out query itself picks the webhooks,
 * so what is known here is delivered exactly once as before. A change through this instance's API is seen at once
 * ({@link #changed()} after its commit); a webhook created or activated through another replica is read here within
 * {@code funnel.webhooks.subscriptions-max-age} (10 s), and events consumed here meanwhile do not go to it.
 */
@ApplicationScoped
public class SubscribedTypes {

    /** A row per type subscribed to; a null row for a webhook that takes every type; none without active webhooks. */
    private static final String ACTIVE_TYPES = "select distinct u.type from webhook w"
            + " left join lateral unnest(w.event_types) as u(type) on true where w.active";

    private record Snapshot(boolean everyType, Set<String> types, long generation, long readAtNanos) {

        boolean wants(String type) {
            return everyType || types.contains(type);
        }
    }

    private final long maxAgeNanos;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    public SubscribedTypes(WebhookConfig config) {
        this.maxAgeNanos = config.subscriptionsMaxAge().toNanos();
    }

    /** Whether some active webhook may want events of this type; reads the webhooks in the caller's session if due. */
    Uni<Boolean> anyWants(String type) {
        Snapshot known = snapshot;
        if (known != null && known.generation() == generation.get()
                && System.nanoTime() - known.readAtNanos() < maxAgeNanos) {
            return Uni.createFrom().item(known.wants(type));
        }
        long readingGeneration = generation.get();
        long readAt = System.nanoTime();
        return SessionSelect.rows(ACTIVE_TYPES)
                .map(rows -> {
                    Snapshot read = toSnapshot(rows, readingGeneration, readAt);
                    snapshot = read;
                    return read.wants(type);
                });
    }

    /** The webhooks changed in this instance (committed): the next event reads them again. */
    public void changed() {
        generation.incrementAndGet();
    }

    private static Snapshot toSnapshot(List<Object[]> rows, long generation, long readAt) {
        Set<String> types = rows.stream().map(row -> (String) row[0]).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
        return new Snapshot(rows.stream().anyMatch(row -> row[0] == null), types, generation, readAt);
    }
}
