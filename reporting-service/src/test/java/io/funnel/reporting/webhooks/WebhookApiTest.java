package io.funnel.reporting.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.funnel.events.AgreementEvent.AgreementUpdated;
import io.funnel.events.EventTypes;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.local.DevIssuer;
import io.funnel.local.FunnelTestResource;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Managing webhooks: who may, what is valid, and that the secret is shown once. Nothing is delivered here. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
class WebhookApiTest {

    private static final String CAPTURED = EventTypes.typeOf(LeadCaptured.class);
    private static final String QUALIFIED = EventTypes.typeOf(LeadQualified.class);
    /** Nothing listens there; webhooks of this class subscribe to nothing that other classes publish, or are off. */
    private static final String URL = "https://crm.example.com/hooks/funnel?tenant=42";

    @Test
    void createShowsTheGeneratedSecretOnceAndNeverAgain() {
        String id = as(Roles.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("url", URL, "eventTypes", List.of(QUALIFIED, CAPTURED, QUALIFIED),
                        "description", " Pipedrive sync ", "active", false))
                .post("/api/webhooks")
                .then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", containsString("/api/webhooks/"))
                .body("url", equalTo(URL))
                .body("eventTypes", contains(CAPTURED, QUALIFIED))
                .body("description", equalTo("Pipedrive sync"))
                .body("active", equalTo(false))
                .body("secret", startsWith("whsec_"))
                .extract().path("id");
        String secret = as(Roles.ADMIN).get("/api/webhooks/" + id).then().extract().path("secret");
        assertThat(secret).isNull();

        as(Roles.ADMIN).get("/api/webhooks/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("$", not(hasKey("secret")))
                .body("eventTypes", contains(CAPTURED, QUALIFIED));
        as(Roles.REVENUE_OPS).get("/api/webhooks")
                .then().statusCode(200)
                .body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }", not(hasKey("secret")));
        delete(id);
    }

    @Test
    void aSecretOfOnesOwnIsKeptAndAnEmptyListMeansEveryType() {
        String secret = "a-secret-of-twenty-four-characters-or-more";
        String id = create(Roles.REVENUE_OPS, Map.of("url", URL, "secret", secret, "active", false))
                .then().statusCode(201)
                .body("secret", equalTo(secret))
                .body("eventTypes.size()", equalTo(0))
                .body("active", equalTo(false))
                .extract().path("id");
        delete(id);
    }

    @Test
    void replaceChangesEverythingButShowsNoSecret() {
        String id = create(Roles.ADMIN, Map.of("url", URL, "eventTypes", List.of(CAPTURED), "active", false))
                .then().statusCode(201).extract().path("id");
        as(Roles.REVENUE_OPS).contentType(ContentType.JSON)
                .body(Map.of("url", "https://crm.example.com/v2", "eventTypes", List.of(QUALIFIED),
                        "description", "moved", "active", false, "secret", "rotated-secret-of-24-chars-at-least"))
                .put("/api/webhooks/" + id)
                .then().statusCode(200)
                .body("url", equalTo("https://crm.example.com/v2"))
                .body("eventTypes", contains(QUALIFIED))
                .body("description", equalTo("moved"))
                .body("$", not(hasKey("secret")));
        as(Roles.ADMIN).get("/api/webhooks/" + id).then().statusCode(200).body("url",
                equalTo("https://crm.example.com/v2"));
        as(Roles.ADMIN).get("/api/webhooks/" + id + "/deliveries")
                .then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(20)).body("total", equalTo(0))
                .body("items.size()", equalTo(0));
        delete(id);
        as(Roles.ADMIN).get("/api/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void invalidWebhooksAre422NamingTheField() {
        expect422(Map.of("eventTypes", List.of()), "url");
        expect422(Map.of("url", "   "), "url");
        expect422(Map.of("url", "ftp://crm.example.com/hook"), "url");
        expect422(Map.of("url", "/relative/hook"), "url");
        expect422(Map.of("url", "https://exa mple.com/"), "url");
        expect422(Map.of("url", "https://crm.example.com/" + "x".repeat(WebhookTargets.MAX_URL_LENGTH)), "url");
        expect422(Map.of("url", URL, "eventTypes", List.of(CAPTURED, "io.funnel.Nope.v1")), "eventTypes[1]");
        expect422(Map.of("url", URL, "eventTypes", List.of(EventTypes.typeOf(AgreementUpdated.class))),
                "eventTypes[0]");
        expect422(Map.of("url", URL, "secret", "too-short"), "secret");
        expect422(Map.of("url", URL, "description", "d".repeat(501)), "description");
    }

    @Test
    void malformedRequestsAre400() {
        as(Roles.ADMIN).contentType(ContentType.JSON).body("{\"url\": ").post("/api/webhooks")
                .then().statusCode(400).contentType("application/problem+json");
        as(Roles.ADMIN).contentType(ContentType.JSON).body("{\"url\": \"" + URL + "\", \"eventTypes\": 7}")
                .post("/api/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("eventTypes"));
        String id = create(Roles.ADMIN, Map.of("url", URL, "active", false)).then().statusCode(201)
                .extract().path("id");
        for (Map.Entry<String, String> bad : Map.of("page", "-1", "size", "101", "status", "LOST").entrySet()) {
            as(Roles.ADMIN).queryParam(bad.getKey(), bad.getValue()).get("/api/webhooks/" + id + "/deliveries")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad.getKey()));
        }
        delete(id);
    }

    @Test
    void unknownWebhooksAre404() {
        String unknown = "/api/webhooks/" + UUID.randomUUID();
        Map<String, Object> valid = Map.of("url", URL);
        as(Roles.ADMIN).get(unknown).then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("not found"));
        as(Roles.ADMIN).contentType(ContentType.JSON).body(valid).put(unknown).then().statusCode(404);
        as(Roles.ADMIN).delete(unknown).then().statusCode(404);
        as(Roles.ADMIN).get(unknown + "/deliveries").then().statusCode(404);
        as(Roles.ADMIN).post(unknown + "/ping").then().statusCode(404);
        as(Roles.ADMIN).get("/api/webhooks/not-a-uuid").then().statusCode(404);
    }

    @Test
    void onlyAdminsAndRevenueOpsManageWebhooks() {
        Map<String, Object> valid = Map.of("url", URL, "active", false);
        given().get("/api/webhooks").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().contentType(ContentType.JSON).body(valid).post("/api/webhooks").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/webhooks").then().statusCode(401);
        given().auth().oauth2(DevIssuer.token("ops@funnel.local", List.of(Roles.ADMIN), Duration.ofMinutes(-5)))
                .get("/api/webhooks").then().statusCode(401);
        for (String role : List.of(Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER)) {
            as(role).get("/api/webhooks").then().statusCode(403).contentType("application/problem+json");
            create(role, valid).then().statusCode(403);
        }
        String id = create(Roles.ADMIN, valid).then().statusCode(201).extract().path("id");
        as(Roles.MARKETING).get("/api/webhooks/" + id + "/deliveries").then().statusCode(403);
        as(Roles.MARKETING).post("/api/webhooks/" + id + "/ping").then().statusCode(403);
        as(Roles.MARKETING).delete("/api/webhooks/" + id).then().statusCode(403);
        as(Roles.ADMIN).get("/api/webhooks/" + id).then().statusCode(200).body("description", nullValue());
        delete(id);
    }

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(DevIssuer.token(role));
    }

    private static io.restassured.response.Response create(String role, Map<String, Object> body) {
        return as(role).contentType(ContentType.JSON).body(body).post("/api/webhooks");
    }

    private static void delete(String id) {
        as(Roles.ADMIN).delete("/api/webhooks/" + id).then().statusCode(204);
    }

    private static void expect422(Map<String, Object> body, String field) {
        Map<String, Object> request = new HashMap<>(body);
        request.putIfAbsent("active", false);
        create(Roles.ADMIN, request).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
