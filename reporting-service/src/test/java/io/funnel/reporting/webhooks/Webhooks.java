package io.funnel.reporting.webhooks;

import static io.restassured.RestAssured.given;

import io.funnel.events.FunnelEvent;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The webhook API and the topics as the delivery tests use them (with the caller's token from {@code @WithToken}). */
final class Webhooks {

    record Created(String id, String secret) {
    }

    private Webhooks() {
    }

    static Created create(String url, String... eventTypes) {
        JsonPath created = given().contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of(eventTypes), "description", "test receiver"))
                .post("/api/webhooks")
                .then().statusCode(201).extract().jsonPath();
        return new Created(created.getString("id"), created.getString("secret"));
    }

    static void delete(String id) {
        given().delete("/api/webhooks/" + id).then().statusCode(204);
    }

    /** The deliveries of one event in a webhook's log (the first page of 100 is plenty in a test). */
    static List<Map<String, Object>> deliveries(String webhookId, String eventId) {
        return log(webhookId).stream().filter(d -> eventId.equals(d.get("eventId"))).toList();
    }

    /** The one delivery of an event, or null while there is none. */
    static Map<String, Object> delivery(String webhookId, String eventId) {
        List<Map<String, Object>> found = deliveries(webhookId, eventId);
        return found.isEmpty() ? null : found.get(0);
    }

    static List<Map<String, Object>> log(String webhookId) {
        return given().queryParam("size", 100).get("/api/webhooks/" + webhookId + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Publishes events with the given ids, as a producing service's outbox relay does. */
    static void publish(FunnelEvent event, String eventId) {
        try (TopicProbe probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers())) {
            probe.publish(event, eventId);
        }
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
