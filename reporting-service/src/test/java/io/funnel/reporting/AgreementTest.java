package io.funnel.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.funnel.events.AgreementEvent;
import io.funnel.events.EventCodec;
import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.REVENUE_OPS)
class AgreementTest {

    static String body(String marketingOwner, String salesOwner, int mqlsPerMonth) {
        return """
                {"mqlThreshold": 50, "requiredPersona": "operations-head", "mqlsPerMonth": %d,
                 "acceptedShare": 0.6, "firstContactHours": 4, "decisionDays": 5,
                 "revenueTargetPerMonth": 120000, "currency": "EUR",
                 "marketingOwner": "%s", "salesOwner": "%s", "effectiveFrom": "2026-01-01T00:00:00Z"}"""
                .formatted(mqlsPerMonth, marketingOwner, salesOwner);
    }

    static int currentVersion() {
        var response = given().get("/api/agreement");
        return response.statusCode() == 404 ? 0 : response.jsonPath().getInt("version");
    }

    @Test
    void signingANewVersionPublishesItOnTheCompactedTopic() {
        String marketing = "mkt-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(), Topics.AGREEMENTS)) {
            int before = currentVersion();
            int version = given().contentType(ContentType.JSON).body(body(marketing, "sales-owner", 40))
                    .put("/api/agreement")
                    .then().statusCode(200)
                    .body("version", equalTo(before + 1))
                    .body("mqlsPerMonth", equalTo(40))
                    .body("acceptedShare", equalTo(0.6f))
                    .body("marketingOwner", equalTo(marketing))
                    .body("effectiveFrom", equalTo("2026-01-01T00:00:00Z"))
                    .extract().jsonPath().getInt("version");

            given().get("/api/agreement").then().statusCode(200).body("marketingOwner", equalTo(marketing));
            given().get("/api/agreement/versions").then().statusCode(200).body("version", hasItems(version));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                var published = probe.ofType("io.funnel.AgreementUpdated.v1").stream()
                        .filter(r -> r.value().contains(marketing)).toList();
                assertThat(published).hasSize(1);
                assertThat(published.get(0).key()).isEqualTo(AgreementEvent.KEY);
                assertThat(EventCodec.readTree(published.get(0).value()).get("version").asInt()).isEqualTo(version);
            });
        }
    }

    @Test
    void aStaleExpectedVersionIsAConflict() {
        int current = given().contentType(ContentType.JSON).body(body("m-" + UUID.randomUUID(), "s", 10))
                .put("/api/agreement").then().statusCode(200).extract().jsonPath().getInt("version");
        String stale = body("m2", "s2", 11).replace("{", "{\"expectedVersion\": " + (current - 1) + ",");
        given().contentType(ContentType.JSON).body(stale)
                .put("/api/agreement")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("currentVersion", equalTo(current));
    }

    @Test
    void invalidValuesAre422NamingEachField() {
        String invalid = body("same person", "Same Person ", 10)
                .replace("0.6", "1.5").replace("\"EUR\"", "\"euro\"").replace("\"firstContactHours\": 4",
                        "\"firstContactHours\": 0");
        given().contentType(ContentType.JSON).body(invalid)
                .put("/api/agreement")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("acceptedShare", "currency", "firstContactHours", "salesOwner"));
        given().contentType(ContentType.JSON).body("{\"mqlThreshold\": \"high\"}")
                .put("/api/agreement")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("mqlThreshold"));
    }
}
