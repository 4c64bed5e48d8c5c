package io.funnel.reporting.webhooks;

import io.funnel.platform.api.ProblemException;
import io.funnel.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/webhooks")
@Tag(name = "Webhooks", description = "Funnel events POSTed to other systems as signed CloudEvents")
@RolesAllowed({Roles.ADMIN, Roles.REVENUE_OPS})
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final int MAX_PAGE_SIZE = 100;

    private final WebhookTargets targets;
    private final DeliveryLog log;
    private final SubscribedTypes subscribed;
    private final Clock clock;
    private final String source;

    public WebhookResource(WebhookTargets targets, DeliveryLog log, SubscribedTypes subscribed, Clock clock,
            @ConfigProperty(name = "funnel.event-source") String source) {
        this.targets = targets;
        this.log = log;
        this.subscribed = subscribed;
        this.clock = clock;
        this.source = source;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to funnel events", description = "201 with the signing secret, which is "
            + "never shown again. 422 for an invalid URL (absolute http or https; not a loopback, private or "
            + "link-local address), an unknown event type or a secret shorter than 24 characters.")
    public Uni<Response> create(@Valid @NotNull WebhookRequest request) {
        URI url = WebhookTargets.parse(request.url());
        List<String> types = request.subscribedTypes();
        return targets.refuseInternal(url).chain(() -> Panache.withTransaction(() -> {
            Webhook webhook = new Webhook();
            webhook.id = UUID.randomUUID();
            webhook.createdAt = clock.instant();
            webhook.secret = WebhookSignature.newSecret();
            apply(webhook, request, url, types, webhook.createdAt);
            return webhook.persist().replaceWith(webhook);
        })).invoke(subscribed::changed).map(webhook -> Response.created(URI.create("/api/webhooks/" + webhook.id))
                .entity(WebhookView.withSecret(webhook)).build());
    }

    @GET
    @WithSession
    @Operation(summary = "Every webhook, oldest first (without secrets)")
    public Uni<List<WebhookView>> list() {
        return Webhook.<Webhook>list("order by createdAt, id").map(all -> all.stream().map(WebhookView::of).toList());
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<WebhookView> get(@PathParam("id") UUID id) {
        return find(id).map(WebhookView::of);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a webhook", description = "The same fields as on creation; a secret given here "
            + "replaces the current one (it is not shown in the answer).")
    public Uni<WebhookView> replace(@PathParam("id") UUID id, @Valid @NotNull WebhookRequest request) {
        URI url = WebhookTargets.parse(request.url());
        List<String> types = request.subscribedTypes();
        return targets.refuseInternal(url).chain(() -> Panache.withTransaction(() -> find(id)
                .invoke(webhook -> apply(webhook, request, url, types, clock.instant()))))
                .invoke(subscribed::changed)
                .map(WebhookView::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a webhook and its delivery log")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return Panache.withTransaction(() -> find(id).chain(Webhook::delete)).invoke(subscribed::changed)
                .replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/{id}/deliveries")
    @WithSession
    @Operation(summary = "The delivery log, newest first", description = "Per delivery: the event's id and type, "
            + "status (PENDING, DELIVERED, FAILED), attempts, last HTTP status and error, next attempt and the "
            + "outcome of every attempt. page from 0, size 1-100 (20), optional status; 400 when malformed.")
    public Uni<DeliveryLog.DeliveryPage> deliveries(@PathParam("id") UUID id, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("status") String status) {
        int pageIndex = number("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = number("size", size, 20, 1, MAX_PAGE_SIZE);
        DeliveryStatus wanted = status(status);
        return find(id).chain(webhook -> log.page(webhook.id, wanted, pageIndex, pageSize));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @WithTransaction
    @Operation(summary = "Send a delivered or failed event again", description = "202 with a new delivery of the "
            + "same CloudEvent (same event id, a new X-Funnel-Delivery) and a fresh set of attempts. 409 while the "
            + "delivery is pending or when its payload was erased with its lead.")
    public Uni<Response> redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return find(id).chain(webhook -> findDelivery(webhook, deliveryId))
                .chain(original -> {
                    refuseRedelivery(original);
                    Instant now = clock.instant();
                    WebhookDelivery again = pending(original.webhookId, original.eventId, original.eventType,
                            original.subject, original.payload, now);
                    again.redeliveryOf = original.id;
                    return again.persist().replaceWith(again);
                })
                .chain(log::view)
                .map(view -> Response.accepted(view).build());
    }

    @POST
    @Path("/{id}/ping")
    @WithTransaction
    @Operation(summary = "Send a test event", description = "202 with the delivery of an io.funnel.webhook.ping "
            + "CloudEvent, signed like every other; follow it in the delivery log.")
    public Uni<Response> ping(@PathParam("id") UUID id) {
        return find(id).chain(webhook -> {
            Instant now = clock.instant();
            String eventId = UUID.randomUUID().toString();
            WebhookDelivery ping = pending(webhook.id, eventId, CloudEventJson.PING_TYPE, null,
                    CloudEventJson.ping(eventId, source, webhook, now), now);
            return ping.persist().replaceWith(ping);
        }).chain(log::view).map(view -> Response.accepted(view).build());
    }

    private static void apply(Webhook webhook, WebhookRequest request, URI url, List<String> types, Instant now) {
        webhook.url = url.toString();
        webhook.eventTypes = types;
        webhook.description = request.description() == null ? null : request.description().strip();
        webhook.active = request.isActive();
        if (request.secret() != null) {
            webhook.secret = request.secret();
        }
        webhook.updatedAt = now;
    }

    private static void refuseRedelivery(WebhookDelivery original) {
        if (original.payload == null) {
            throw ProblemException.conflict("The payload was erased with its lead; there is nothing to send",
                    Map.of("deliveryStatus", original.status.name()));
        }
        if (original.status == DeliveryStatus.PENDING) {
            throw ProblemException.conflict("The delivery is still pending; it will be attempted again",
                    Map.of("deliveryStatus", original.status.name()));
        }
    }

    private static WebhookDelivery pending(UUID webhookId, String eventId, String eventType, String subject,
            String payload, Instant now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.webhookId = webhookId;
        delivery.eventId = eventId;
        delivery.eventType = eventType;
        delivery.subject = subject;
        delivery.payload = payload;
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        delivery.updatedAt = now;
        return delivery;
    }

    private static Uni<Webhook> find(UUID id) {
        return Webhook.<Webhook>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Webhook "
                + id));
    }

    private static Uni<WebhookDelivery> findDelivery(Webhook webhook, UUID deliveryId) {
        return WebhookDelivery.find("id = ?1 and webhookId = ?2", deliveryId, webhook.id).<WebhookDelivery>firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Delivery " + deliveryId));
    }

    private static int number(String name, String value, int otherwise, int min, int max) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest(name, max == Integer.MAX_VALUE ? "must be a number from " + min
                : "must be a number from " + min + " to " + max);
    }

    private static DeliveryStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(DeliveryStatus.values()).filter(s -> s.name().equalsIgnoreCase(value.strip()))
                .findFirst().orElseThrow(() -> ProblemException.badRequest("status", "must be one of "
                        + Arrays.toString(DeliveryStatus.values())));
    }
}
