package io.funnel.reporting.webhooks;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads the delivery log of a webhook, newest first, each delivery with the outcome of every attempt. */
@ApplicationScoped
public class DeliveryLog {

    public record Attempt(int attempt, Instant at, Integer httpStatus, String error, long durationMs) {
    }

    /** {@code payloadErased}: the event's data is gone with its lead; the row stays as a record of the delivery. */
    public record Delivery(UUID id, UUID webhookId, String eventId, String eventType, String subject,
            DeliveryStatus status, int attempts, Integer lastHttpStatus, String lastError, Instant nextAttemptAt,
            Instant createdAt, Instant updatedAt, Instant deliveredAt, UUID redeliveryOf, boolean payloadErased,
            List<Attempt> history) {
    }

    public record DeliveryPage(int page, int size, long total, List<Delivery> items) {
    }

    /** Call inside a session. {@code status} null for every status. */
    Uni<DeliveryPage> page(UUID webhookId, DeliveryStatus status, int page, int size) {
        String query = status == null ? "webhookId = :webhook" : "webhookId = :webhook and status = :status";
        Parameters parameters = Parameters.with("webhook", webhookId);
        if (status != null) {
            parameters = parameters.and("status", status);
        }
        var found = WebhookDelivery.<WebhookDelivery>find(query,
                Sort.descending("createdAt").and("id", Sort.Direction.Descending), parameters);
        return found.page(Page.of(page, size)).list()
                .chain(DeliveryLog::withHistory)
                .chain(views -> found.count().map(total -> new DeliveryPage(page, size, total, views)));
    }

    /** Call inside a session. */
    Uni<Delivery> view(WebhookDelivery delivery) {
        return withHistory(List.of(delivery)).map(views -> views.get(0));
    }

    private static Uni<List<Delivery>> withHistory(List<WebhookDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = deliveries.stream().map(d -> d.id).toList();
        return WebhookAttempt.<WebhookAttempt>list("deliveryId in ?1 order by attempt", ids)
                .map(attempts -> {
                    Map<UUID, List<Attempt>> byDelivery = attempts.stream().collect(Collectors.groupingBy(
                            a -> a.deliveryId, Collectors.mapping(a -> new Attempt(a.attempt, a.attemptedAt,
                                    a.httpStatus, a.error, a.durationMs), Collectors.toList())));
                    return deliveries.stream().map(d -> toView(d, byDelivery.getOrDefault(d.id, List.of())))
                            .toList();
                });
    }

    private static Delivery toView(WebhookDelivery d, List<Attempt> history) {
        return new Delivery(d.id, d.webhookId, d.eventId, d.eventType, d.subject, d.status, d.attempts,
                d.lastHttpStatus, d.lastError, d.nextAttemptAt, d.createdAt, d.updatedAt, d.deliveredAt,
                d.redeliveryOf, d.payload == null, history);
    }
}
