package io.funnel.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.funnel.local.DevIssuer;
import io.funnel.local.FunnelTestResource;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may call what, with real tokens of the development issuer: the shared views are for every role of the revenue
 * team, changes to the agreement, goals and projections for revenue operations, nothing for an anonymous caller.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
class ReportingAccessTest {

    private static final String PLAN = "{\"revenueTarget\": 100000, \"period\": \"2099-01\", "
            + "\"averageDealSize\": 20000}";
    private static final String GOAL = "{\"name\": \"access\", \"metric\": \"LEADS\", \"target\": 10, "
            + "\"startsOn\": \"2099-01-01\", \"deadline\": \"2099-12-31\", \"ownerTeam\": \"MARKETING\"}";

    @TestHTTPResource("/api/stream")
    URI stream;

    @ParameterizedTest
    @CsvSource({"GET, /api/funnel", "GET, /api/sla", "GET, /api/attribution", "GET, /api/feedback",
            "GET, /api/bulletin", "GET, /api/goals", "GET, /api/agreement", "GET, /api/agreement/versions",
            "GET, /api/stream", "POST, /api/plan", "POST, /api/goals", "PUT, /api/agreement",
            "POST, /api/admin/rebuild", "GET, /api/admin/rebuild"})
    void everyApiWantsABearerToken(String method, String path) {
        unauthorized(given().contentType(ContentType.JSON).body("{}").request(method, path).then());
    }

    @Test
    void anExpiredATamperedOrAMalformedTokenIs401() {
        String expired = DevIssuer.token("revops@funnel.local", List.of(Roles.REVENUE_OPS), Duration.ofHours(-1));
        unauthorized(given().auth().oauth2(expired).get("/api/funnel").then());

        // A marketing token whose payload now claims revenue-ops: the signature no longer matches.
        String[] parts = DevIssuer.token(Roles.MARKETING).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + Roles.MARKETING + "\"", "\"" + Roles.REVENUE_OPS + "\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        unauthorized(given().auth().oauth2(tampered).contentType(ContentType.JSON).body(AgreementTest.body("m", "s", 1))
                .put("/api/agreement").then());

        unauthorized(given().auth().oauth2("not-a-token").get("/api/sla").then());
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER, Roles.REVENUE_OPS, Roles.ADMIN})
    void everyRoleOfTheTeamReadsTheSharedViews(String role) {
        String token = DevIssuer.token(role);
        for (String path : List.of("/api/funnel", "/api/sla", "/api/attribution", "/api/feedback", "/api/goals",
                "/api/agreement/versions")) {
            given().auth().oauth2(token).accept(ContentType.JSON).get(path).then().statusCode(200);
        }
        given().auth().oauth2(token).accept("text/markdown").get("/api/bulletin").then().statusCode(200);
        given().auth().oauth2(token).accept("text/csv").get("/api/funnel").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(PLAN).post("/api/plan").then().statusCode(200);
    }

    @Test
    void onlyRevenueOpsChangesTheAgreementGoalsAndProjections() {
        forbidden(given().auth().oauth2(DevIssuer.token(Roles.MARKETING)).contentType(ContentType.JSON)
                .body(AgreementTest.body("m-" + UUID.randomUUID(), "s", 1)).put("/api/agreement").then());
        forbidden(given().auth().oauth2(DevIssuer.token(Roles.SALES)).post("/api/admin/rebuild").then());
        forbidden(given().auth().oauth2(DevIssuer.token(Roles.ADMIN)).get("/api/admin/rebuild").then());
        forbidden(given().auth().oauth2(DevIssuer.token(Roles.SALES_MANAGER)).contentType(ContentType.JSON)
                .body(GOAL).post("/api/goals").then());

        String revenueOps = DevIssuer.token(Roles.REVENUE_OPS);
        String marketing = "m-" + UUID.randomUUID();
        given().auth().oauth2(revenueOps).contentType(ContentType.JSON).body(AgreementTest.body(marketing, "s", 1))
                .put("/api/agreement").then().statusCode(200).body("marketingOwner", equalTo(marketing));
        String goal = given().auth().oauth2(revenueOps).contentType(ContentType.JSON).body(GOAL)
                .post("/api/goals").then().statusCode(201).extract().path("id");
        forbidden(given().auth().oauth2(DevIssuer.token(Roles.MARKETING)).delete("/api/goals/" + goal).then());
        given().auth().oauth2(revenueOps).delete("/api/goals/" + goal).then().statusCode(204);
        given().auth().oauth2(revenueOps).get("/api/admin/rebuild").then().statusCode(200);
    }

    @Test
    void anIntegrationIsNotPartOfTheTeam() {
        forbidden(given().auth().oauth2(DevIssuer.scopedToken("web-integration", Roles.CAPTURE))
                .get("/api/funnel").then());
        forbidden(given().auth().oauth2(DevIssuer.token(Roles.CAPTURE)).get("/api/agreement/versions").then());
    }

    @Test
    void theLiveStreamCarriesEventsToATokenOnly() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(stream)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

        try (LiveStreamLines live = new LiveStreamLines(stream, DevIssuer.token(Roles.SALES))) {
            UUID lead = LiveStreamLines.captureALead();
            await().atMost(Duration.ofSeconds(15)).until(() -> live.announced("LeadCaptured", lead));
        }
    }

    @Test
    void thePageAndTheApiDescriptionArePublicAndTheDescriptionNamesTheBearerScheme() {
        given().get("/").then().statusCode(200).contentType(ContentType.HTML);
        given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.collect { it.value.scheme }", hasItem("bearer"))
                .body("paths.'/api/funnel'.get.security", not(empty()))
                .body("paths.'/'.get.security", nullValue());
    }

    private static void unauthorized(ValidatableResponse response) {
        response.statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    private static void forbidden(ValidatableResponse response) {
        response.statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }
}
