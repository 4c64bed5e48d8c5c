package io.funnel.qualification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.local.DevIssuer;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may call what: marketing owns the scoring model and personas; sales managers and revenue ops read them. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
class QualificationAccessTest {

    private static final List<String> ROLES = List.of(Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER,
            Roles.REVENUE_OPS, Roles.ADMIN, Roles.CAPTURE);
    private static final Set<String> READERS = Set.of(Roles.MARKETING, Roles.SALES_MANAGER, Roles.REVENUE_OPS);

    private static UUID scoredLead;

    /** A representative call of each group of endpoints, and the roles that group serves. */
    enum Endpoint {
        MODEL(READERS, request -> request.get("/api/scoring-model")),
        MODEL_VERSIONS(READERS, request -> request.get("/api/scoring-model/versions")),
        PERSONAS(READERS, request -> request.get("/api/personas")),
        SCORE(READERS, request -> request.get("/api/leads/" + scoredLead() + "/score")),
        SIMULATION(Set.of(Roles.MARKETING, Roles.REVENUE_OPS), request -> request.contentType(ContentType.JSON)
                .body(currentRules()).post("/api/scoring-model/simulate")),
        MODEL_CHANGE(Set.of(Roles.MARKETING), request -> request.contentType(ContentType.JSON)
                .body(currentRules()).put("/api/scoring-model")),
        PERSONA_CHANGE(Set.of(Roles.MARKETING), request -> request.contentType(ContentType.JSON)
                .body(Map.of("name", "Access " + UUID.randomUUID(),
                        "criteria", List.of(Map.of("attribute", "jobTitle", "pattern", "buyer"))))
                .post("/api/personas"));

        final Set<String> roles;
        final Function<RequestSpecification, Response> call;

        Endpoint(Set<String> roles, Function<RequestSpecification, Response> call) {
            this.roles = roles;
            this.call = call;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Endpoint.class)
    void withoutATokenIs401AskingForABearerToken(Endpoint endpoint) {
        endpoint.call.apply(given()).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Endpoint.class)
    void anExpiredTokenIs401(Endpoint endpoint) {
        String expired = DevIssuer.token("marketing@funnel.local", ROLES, Duration.ofMinutes(-10));
        endpoint.call.apply(given().auth().oauth2(expired)).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Endpoint.class)
    void aTokenWithATamperedSignatureIs401(Endpoint endpoint) {
        String token = DevIssuer.token("marketing@funnel.local", ROLES, Duration.ofHours(1));
        int at = token.lastIndexOf('.') + 10;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        endpoint.call.apply(given().auth().oauth2(tampered)).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("everyEndpointWithEveryRole")
    void eachRoleReachesExactlyTheEndpointsItServes(Endpoint endpoint, String role) {
        Response response = endpoint.call.apply(given().auth().oauth2(DevIssuer.token(role)));
        if (endpoint.roles.contains(role)) {
            response.then().statusCode(allOf(greaterThanOrEqualTo(200), lessThan(300)));
        } else {
            response.then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        }
    }

    @Test
    void aRefusedModelChangeLeavesTheModelInForce() {
        int version = given().auth().oauth2(DevIssuer.token(Roles.REVENUE_OPS)).get("/api/scoring-model")
                .then().statusCode(200).extract().path("version");
        for (String role : ROLES.stream().filter(role -> !role.equals(Roles.MARKETING)).toList()) {
            given().auth().oauth2(DevIssuer.token(role)).contentType(ContentType.JSON)
                    .body(currentRules()).put("/api/scoring-model").then().statusCode(403);
        }
        given().auth().oauth2(DevIssuer.token(Roles.REVENUE_OPS)).get("/api/scoring-model")
                .then().statusCode(200).body("version", equalTo(version));
    }

    static Stream<Arguments> everyEndpointWithEveryRole() {
        return Arrays.stream(Endpoint.values()).flatMap(endpoint -> ROLES.stream()
                .map(role -> Arguments.of(endpoint, role)));
    }

    /** The rules of the model in force, as a body for a change or a simulation. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> currentRules() {
        Map<String, Object> model = given().auth().oauth2(DevIssuer.token(Roles.MARKETING)).get("/api/scoring-model")
                .then().statusCode(200).extract().as(Map.class);
        return Map.of("fitRules", model.get("fitRules"), "behaviourRules", model.get("behaviourRules"));
    }

    /** A lead this service has scored, published once as LeadCaptured. */
    private static synchronized UUID scoredLead() {
        if (scoredLead == null) {
            UUID leadId = UUID.randomUUID();
            try (TopicProbe probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers())) {
                probe.publish(new LeadCaptured(leadId, new LeadProfile("ines@obras.example", "Inés", null, null,
                        "Obras SA", "Head of Operations", 250, "construction", "ES"), null, null, null, Instant.now()),
                        UUID.randomUUID().toString());
            }
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    TestDatabase.count("select count(*) from scored_lead where lead_id = '" + leadId + "'") == 1);
            scoredLead = leadId;
        }
        return scoredLead;
    }
}
