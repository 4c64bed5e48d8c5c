package io.funnel.reporting.webhooks;

import static io.funnel.reporting.webhooks.Webhooks.delivery;
import static io.funnel.reporting.webhooks.Webhooks.deliveries;
import static io.funnel.reporting.webhooks.Webhooks.newId;
import static io.funnel.reporting.webhooks.Webhooks.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.funnel.events.EventTypes;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadErased;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.events.QualificationEvent.LeadDisqualified;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.funnel.reporting.webhooks.WebhookReceiver.Request;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Events consumed from Kafka reach the subscribed receivers as signed CloudEvents, once, retried with back-off
 * (the test profile allows 3 attempts, 200 ms apart at first). Other test classes share the broker and this
 * application, so every assertion looks only at this test's own events.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.ADMIN)
class WebhookDeliveryTest {

    private static final String CAPTURED = EventTypes.typeOf(LeadCaptured.class);
    private static final String QUALIFIED = EventTypes.typeOf(LeadQualified.class);
    private static final String ERASED = EventTypes.typeOf(LeadErased.class);
    private static final String DISQUALIFIED = EventTypes.typeOf(LeadDisqualified.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static WebhookReceiver receiver;
    private final List<String> webhooks = new ArrayList<>();

    @BeforeAll
    static void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @AfterEach
    void deleteWebhooks() {
        webhooks.forEach(Webhooks::delete);
    }

    @Test
    void anEventReachesTheReceiverOnceAsASignedCloudEvent() {
        Webhooks.Created hook = subscribe(receiver.url("/crm", n -> 204), CAPTURED);
        UUID lead = UUID.randomUUID();
        String eventId = newId();
        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        publish(captured(lead, at), eventId);

        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(status(hook, eventId)));
        List<Request> received = receiver.received("/crm", eventId);
        assertThat(received).hasSize(1);
        Request request = received.get(0);
        assertThat(request.header("Content-Type")).isEqualTo("application/cloudevents+json");
        assertThat(request.header("X-Funnel-Delivery")).isEqualTo(delivery(hook.id(), eventId).get("id"));
        assertThat(request.signedWith(hook.secret())).isTrue();
        assertThat(request.signedWith("another-secret-of-enough-length")).isFalse();
        JsonNode event = request.json();
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("id").asText()).isEqualTo(eventId);
        assertThat(event.path("type").asText()).isEqualTo(CAPTURED);
        assertThat(event.path("source").asText()).isEqualTo("/test-probe");
        assertThat(event.path("subject").asText()).isEqualTo(lead.toString());
        assertThat(Instant.parse(event.path("time").asText())).isEqualTo(at);
        assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.path("data").path("leadId").asText()).isEqualTo(lead.toString());
        assertThat(event.path("data").path("profile").path("email").asText()).isEqualTo("eva@obras.example");

        Map<String, Object> logged = delivery(hook.id(), eventId);
        assertThat(logged).containsEntry("attempts", 1).containsEntry("lastHttpStatus", 204)
                .containsEntry("eventType", CAPTURED).containsEntry("subject", lead.toString())
                .containsEntry("nextAttemptAt", null).containsEntry("payloadErased", false);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> receiver.received("/crm", eventId).size() == 1);
    }

    @Test
    void theSameRecordTwiceIsDeliveredOnce() {
        Webhooks.Created hook = subscribe(receiver.url("/twice", n -> 200), CAPTURED);
        String eventId = newId();
        LeadCaptured event = captured(UUID.randomUUID(), Instant.now());
        try (TopicProbe probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers())) {
            probe.publish(event, eventId);
            probe.publish(event, eventId);
        }

        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(status(hook, eventId)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6))
                .until(() -> receiver.received("/twice", eventId).size() == 1);
        assertThat(deliveries(hook.id(), eventId)).hasSize(1);
        assertThat(TestDatabase.count("select count(*) from webhook_delivery where event_id = '" + eventId + "'"))
                .isEqualTo(1);
    }

    @Test
    void aFailingReceiverIsRetriedUntilItAnswers() {
        Webhooks.Created hook = subscribe(receiver.url("/flaky", n -> n <= 2 ? 503 : 200), CAPTURED);
        String eventId = newId();
        publish(captured(UUID.randomUUID(), Instant.now()), eventId);

        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(status(hook, eventId)));
        Map<String, Object> logged = delivery(hook.id(), eventId);
        assertThat(logged).containsEntry("attempts", 3).containsEntry("lastHttpStatus", 200)
                .containsEntry("lastError", null);
        assertThat(history(logged, "httpStatus")).containsExactly(503, 503, 200);
        assertThat(history(logged, "error")).containsExactly("HTTP 503", "HTTP 503", null);
        assertThat(history(logged, "attempt")).containsExactly(1, 2, 3);
        List<Request> received = receiver.received("/flaky", eventId);
        assertThat(received).hasSize(3).allSatisfy(r -> {
            assertThat(r.header("X-Funnel-Delivery")).isEqualTo(logged.get("id"));
            assertThat(r.signedWith(hook.secret())).isTrue();
        });
    }

    @Test
    void aReceiverThatNeverAnswersWellEndsFailedAfterTheLastAttempt() {
        Webhooks.Created hook = subscribe(receiver.url("/down", n -> 500), CAPTURED);
        String eventId = newId();
        publish(captured(UUID.randomUUID(), Instant.now()), eventId);

        await().atMost(PATIENCE).until(() -> "FAILED".equals(status(hook, eventId)));
        Map<String, Object> logged = delivery(hook.id(), eventId);
        assertThat(logged).containsEntry("attempts", 3).containsEntry("lastHttpStatus", 500)
                .containsEntry("lastError", "HTTP 500").containsEntry("nextAttemptAt", null)
                .containsEntry("deliveredAt", null);
        assertThat(history(logged, "httpStatus")).containsExactly(500, 500, 500);
        assertThat(given().queryParam("status", "failed").get("/api/webhooks/" + hook.id() + "/deliveries")
                .then().statusCode(200).extract().<List<String>>path("items.eventId")).containsExactly(eventId);
        assertThat(given().queryParam("status", "DELIVERED").get("/api/webhooks/" + hook.id() + "/deliveries")
                .then().statusCode(200).extract().<Integer>path("total")).isZero();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> receiver.received("/down", eventId).size() == 3);
    }

    @Test
    void eachWebhookGetsOnlyTheTypesItSubscribedTo() {
        Webhooks.Created qualifiedOnly = subscribe(receiver.url("/qualified", n -> 204), QUALIFIED);
        Webhooks.Created everything = subscribe(receiver.url("/everything", n -> 204));
        UUID lead = UUID.randomUUID();
        String capturedId = newId();
        String qualifiedId = newId();
        publish(captured(lead, Instant.now()), capturedId);
        publish(new LeadQualified(lead, 60, 50, null, List.of(), Instant.now()), qualifiedId);

        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(status(everything, capturedId))
                && "DELIVERED".equals(status(everything, qualifiedId))
                && "DELIVERED".equals(status(qualifiedOnly, qualifiedId)));
        assertThat(deliveries(qualifiedOnly.id(), capturedId)).isEmpty();
        assertThat(receiver.about("/qualified", lead.toString())).extracting(r -> r.json().path("type").asText())
                .containsExactly(QUALIFIED);
        assertThat(receiver.about("/everything", lead.toString())).extracting(Request::eventId)
                .containsExactlyInAnyOrder(capturedId, qualifiedId);
    }

    @Test
    void erasingALeadDropsThePayloadsStoredForIt() {
        CountDownLatch release = new CountDownLatch(1);
        Webhooks.Created kept = subscribe(receiver.url("/kept", n -> 204), CAPTURED, ERASED);
        Webhooks.Created slow = subscribe(receiver.url("/slow", n -> {
            release.await();
            return 204;
        }), CAPTURED);
        try {
            UUID lead = UUID.randomUUID();
            String capturedId = newId();
            publish(captured(lead, Instant.now()), capturedId);
            await().atMost(PATIENCE).until(() -> "DELIVERED".equals(status(kept, capturedId))
                    && receiver.received("/slow", capturedId).size() == 1);
            assertThat(payloadsStored(lead)).isEqualTo(2);

            String erasedId = newId();
            publish(new LeadErased(lead, Instant.now()), erasedId);
            await().atMost(PATIENCE).until(() -> payloadsStored(lead) == 0);

            Map<String, Object> delivered = delivery(kept.id(), capturedId);
            assertThat(delivered).containsEntry("status", "DELIVERED").containsEntry("payloadErased", true)
                    .containsEntry("eventId", capturedId);
            Map<String, Object> undelivered = delivery(slow.id(), capturedId);
            assertThat(undelivered).containsEntry("status", "FAILED").containsEntry("payloadErased", true)
                    .containsEntry("lastError", "Not sent: the lead was erased");
            // The receiving systems hear of the erasure too.
            await().atMost(PATIENCE).until(() -> "DELIVERED".equals(status(kept, erasedId)));
            assertThat(receiver.received("/kept", erasedId).get(0).json().path("data").path("leadId").asText())
                    .isEqualTo(lead.toString());

            // The attempt that was under way is logged when it ends, but cannot revive the erased delivery.
            release.countDown();
            await().atMost(PATIENCE).until(() -> history(delivery(slow.id(), capturedId), "attempt").size() == 1);
            assertThat(delivery(slow.id(), capturedId)).containsEntry("status", "FAILED")
                    .containsEntry("payloadErased", true);
            assertThat(payloadsStored(lead)).isZero();
        } finally {
            release.countDown();
        }
    }

    @Test
    void aSubscriptionChangedThroughTheApiAppliesToTheNextEvent() {
        String url = receiver.url("/changed", n -> 204);
        Webhooks.Created hook = subscribe(url, DISQUALIFIED);
        UUID lead = UUID.randomUUID();
        String before = newId();
        String marker = newId();
        publish(qualified(lead), before);
        // Same lead, same partition: once the marker is delivered, the earlier event was consumed (and skipped).
        publish(new LeadDisqualified(lead, "no budget", Instant.now()), marker);
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(status(hook, marker)));

        given().contentType(ContentType.JSON).body(Map.of("url", url, "eventTypes", List.of(DISQUALIFIED, QUALIFIED)))
                .put("/api/webhooks/" + hook.id()).then().statusCode(200);
        String after = newId();
        publish(qualified(lead), after);

        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(status(hook, after)));
        assertThat(deliveries(hook.id(), before)).isEmpty();
    }

    @Test
    void aWebhookAddedThroughAnotherReplicaGetsEventsWithinTheSubscriptionsMaxAge() {
        Webhooks.Created here = subscribe(receiver.url("/here", n -> 204), DISQUALIFIED);
        UUID lead = UUID.randomUUID();
        String marker = newId();
        publish(new LeadDisqualified(lead, "no budget", Instant.now()), marker);
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(status(here, marker)));

        String elsewhere = addedByAnotherReplica(receiver.url("/elsewhere", n -> 204), QUALIFIED);
        webhooks.add(elsewhere);

        // The subscriptions were just read here without it; they are read again within 10 s (the max age).
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            publish(qualified(lead), newId());
            return !receiver.about("/elsewhere", lead.toString()).isEmpty();
        });
    }

    private Webhooks.Created subscribe(String url, String... eventTypes) {
        Webhooks.Created hook = Webhooks.create(url, eventTypes);
        webhooks.add(hook.id());
        return hook;
    }

    private static String status(Webhooks.Created hook, String eventId) {
        Map<String, Object> logged = delivery(hook.id(), eventId);
        return logged == null ? null : (String) logged.get("status");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> history(Map<String, Object> delivery, String field) {
        return ((List<Map<String, Object>>) delivery.get("history")).stream().map(a -> a.get(field)).toList();
    }

    /** Payloads of the lead's events other than the erasure itself, which carries only the lead id. */
    private static long payloadsStored(UUID lead) {
        return TestDatabase.count("select count(*) from webhook_delivery where subject = '" + lead
                + "' and event_type <> '" + ERASED + "' and payload is not null");
    }

    /** Written straight to the table, as another replica's API does: this instance is not told. */
    private static String addedByAnotherReplica(String url, String eventType) {
        String id = UUID.randomUUID().toString();
        TestDatabase.count("with added as (insert into webhook (id, url, event_types, description, active, secret,"
                + " created_at, updated_at) values ('" + id + "', '" + url + "', array['" + eventType + "'],"
                + " 'another replica', true, 'a-secret-of-at-least-24-characters', now(), now()) returning id)"
                + " select count(*) from added");
        return id;
    }

    private static LeadQualified qualified(UUID lead) {
        return new LeadQualified(lead, 60, 50, null, List.of(), Instant.now());
    }

    private static LeadCaptured captured(UUID lead, Instant at) {
        return new LeadCaptured(lead, new LeadProfile("eva@obras.example", "Eva", "Gil", null, "Obras SA",
                "Site engineer", 250, "construction", "ES"), null, null, null, at);
    }
}
