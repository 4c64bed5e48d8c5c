package io.funnel.capture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.funnel.local.FunnelTestResource;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The database unreachable and a strict form rate limit: clients learn when to come back, nothing half-written. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.CAPTURE)
@TestProfile(DegradedModeTest.Degraded.class)
class DegradedModeTest {

    public static class Degraded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/unreachable",
                    "quarkus.flyway.migrate-at-start", "false",
                    "funnel.forms.rate-limit.burst", "1",
                    "funnel.forms.rate-limit.per-minute", "1");
        }
    }

    @Test
    void databaseDownIs503WithRetryAfter() {
        given().contentType(ContentType.JSON).body("{\"email\":\"down@acme.example\"}")
                .post("/api/leads")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
    }

    @Test
    void formFloodIs429WithRetryAfter() {
        given().contentType(ContentType.URLENC).formParam("email", "a@b.example").post("/forms/any");
        given().contentType(ContentType.URLENC).formParam("email", "a@b.example").post("/forms/any")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("60"));
    }
}
