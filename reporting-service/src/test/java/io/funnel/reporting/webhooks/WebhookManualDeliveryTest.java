package io.funnel.reporting.webhooks;

import static io.funnel.reporting.webhooks.Webhooks.delivery;
import static io.funnel.reporting.webhooks.Webhooks.newId;
import static io.funnel.reporting.webhooks.Webhooks.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.funnel.events.EventTypes;
import io.funnel.events.PipelineEvent.SlaAtRisk;
import io.funnel.events.PipelineEvent.SlaKind;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.funnel.reporting.webhooks.WebhookReceiver.Request;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What an operator sends by hand: a ping to try a receiver, and a redelivery of an event it missed. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.REVENUE_OPS)
class WebhookManualDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** A type the other test classes do not publish, so these webhooks get only this class's events. */
    private static final String AT_RISK = EventTypes.typeOf(SlaAtRisk.class);

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
    void aPingIsASignedTestEventInTheLog() {
        Webhooks.Created hook = subscribe(receiver.url("/ping", n -> 204), AT_RISK);
        JsonPath ping = given().post("/api/webhooks/" + hook.id() + "/ping")
                .then().statusCode(202)
                .body("status", equalTo("PENDING"))
                .body("eventType", equalTo("io.funnel.webhook.ping"))
                .extract().jsonPath();
        String eventId = ping.getString("eventId");

        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(status(hook, eventId)));
        Request request = receiver.received("/ping", eventId).get(0);
        assertThat(request.signedWith(hook.secret())).isTrue();
        assertThat(request.header("X-Funnel-Delivery")).isEqualTo(ping.getString("id"));
        assertThat(request.json().path("type").asText()).isEqualTo("io.funnel.webhook.ping");
        assertThat(request.json().path("data").path("webhookId").asText()).isEqualTo(hook.id());
        assertThat(request.json().path("data").path("eventTypes").get(0).asText()).isEqualTo(AT_RISK);
    }

    @Test
    void aFailedDeliveryIsSentAgainOnRequest() {
        AtomicBoolean up = new AtomicBoolean(false);
        Webhooks.Created hook = subscribe(receiver.url("/recovering", n -> up.get() ? 200 : 502), AT_RISK);
        String eventId = newId();
        Instant now = Instant.now();
        publish(new SlaAtRisk(UUID.randomUUID(), UUID.randomUUID(), SlaKind.FIRST_CONTACT, now.plusSeconds(3600), now),
                eventId);
        await().atMost(PATIENCE).until(() -> "FAILED".equals(status(hook, eventId)));
        String failedId = (String) delivery(hook.id(), eventId).get("id");

        up.set(true);
        String redeliveryId = given().post("/api/webhooks/" + hook.id() + "/deliveries/" + failedId + "/redeliver")
                .then().statusCode(202)
                .body("redeliveryOf", equalTo(failedId))
                .body("eventId", equalTo(eventId))
                .body("status", equalTo("PENDING"))
                .body("attempts", equalTo(0))
                .extract().path("id");

        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(byId(hook, redeliveryId).get("status")));
        List<Request> received = receiver.received("/recovering", eventId);
        assertThat(received).hasSize(4);
        assertThat(received.get(3).header("X-Funnel-Delivery")).isEqualTo(redeliveryId);
        assertThat(received.get(3).body()).isEqualTo(received.get(0).body());
        assertThat(received.get(3).signedWith(hook.secret())).isTrue();
        assertThat(byId(hook, failedId)).containsEntry("status", "FAILED").containsEntry("attempts", 3);
        assertThat(byId(hook, redeliveryId)).containsEntry("attempts", 1).containsEntry("lastHttpStatus", 200);
    }

    @Test
    void onlyAKnownDeliveryOfThatWebhookCanBeRedelivered() {
        Webhooks.Created hook = subscribe(receiver.url("/other", n -> 204), AT_RISK);
        Webhooks.Created another = subscribe(receiver.url("/another", n -> 204), AT_RISK);
        String pingId = given().post("/api/webhooks/" + another.id() + "/ping").then().statusCode(202)
                .extract().path("id");
        given().post("/api/webhooks/" + hook.id() + "/deliveries/" + pingId + "/redeliver")
                .then().statusCode(404).contentType("application/problem+json");
        given().post("/api/webhooks/" + hook.id() + "/deliveries/" + UUID.randomUUID() + "/redeliver")
                .then().statusCode(404).contentType("application/problem+json");
        given().post("/api/webhooks/" + UUID.randomUUID() + "/deliveries/" + pingId + "/redeliver")
                .then().statusCode(404).contentType("application/problem+json");
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

    private static Map<String, Object> byId(Webhooks.Created hook, String deliveryId) {
        return Webhooks.log(hook.id()).stream().filter(d -> deliveryId.equals(d.get("id"))).findFirst().orElseThrow();
    }
}
