package io.funnel.capture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import io.funnel.local.DevIssuer;
import io.funnel.local.FunnelTestResource;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may call what: every group of capture's API wants a valid token (401) of one of the roles it serves (403). */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
class CaptureAccessTest {

    private static final List<String> ROLES = List.of(Roles.MARKETING, Roles.SALES, Roles.SALES_MANAGER,
            Roles.REVENUE_OPS, Roles.ADMIN, Roles.CAPTURE);

    /** A representative call of each group of endpoints, and the roles that group serves. */
    enum Endpoint {
        FORMS(Set.of(Roles.MARKETING), request -> request.get("/api/forms")),
        CAMPAIGNS(Set.of(Roles.MARKETING), request -> request.get("/api/campaigns")),
        CONTENT(Set.of(Roles.MARKETING), request -> request.get("/api/content")),
        LEAD_READS(Set.of(Roles.MARKETING, Roles.SALES_MANAGER, Roles.ADMIN),
                request -> request.get("/api/leads/" + newLead())),
        LEAD_CAPTURE(Set.of(Roles.CAPTURE), request -> request.contentType(ContentType.JSON)
                .body("{\"email\":\"access." + UUID.randomUUID() + "@acme.example\"}").post("/api/leads")),
        ERASURE(Set.of(Roles.ADMIN), request -> request.delete("/api/leads/" + newLead()));

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
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    @ParameterizedTest(name = "{1} token on {0}")
    @MethodSource("everyEndpointWithEveryInvalidToken")
    void anInvalidTokenIs401EvenWithEveryRole(Endpoint endpoint, String kind, String token) {
        endpoint.call.apply(given().auth().oauth2(token)).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
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
    void aRefusedErasureLeavesThePersonalDataInPlace() {
        String leadId = newLead();
        for (String role : ROLES.stream().filter(role -> !role.equals(Roles.ADMIN)).toList()) {
            given().auth().oauth2(DevIssuer.token(role)).delete("/api/leads/" + leadId).then().statusCode(403);
        }
        given().auth().oauth2(DevIssuer.token(Roles.ADMIN)).get("/api/leads/" + leadId).then().statusCode(200)
                .body("firstName", equalTo("Acceso"));
    }

    static Stream<Arguments> everyEndpointWithEveryRole() {
        return Arrays.stream(Endpoint.values()).flatMap(endpoint -> ROLES.stream()
                .map(role -> Arguments.of(endpoint, role)));
    }

    static Stream<Arguments> everyEndpointWithEveryInvalidToken() {
        String valid = DevIssuer.token("everyone@funnel.local", ROLES, Duration.ofHours(1));
        List<Arguments> tokens = List.of(
                Arguments.of("expired", DevIssuer.token("everyone@funnel.local", ROLES, Duration.ofMinutes(-10))),
                Arguments.of("tampered-signature", tamperedSignature(valid)),
                Arguments.of("claims-changed-after-signing", withClaimsChanged(DevIssuer.token(Roles.SALES))),
                Arguments.of("malformed", "not-a-jwt"));
        return Arrays.stream(Endpoint.values()).flatMap(endpoint -> tokens.stream()
                .map(token -> Arguments.of(endpoint, token.get()[0], token.get()[1])));
    }

    /** One character of the signature changed. */
    private static String tamperedSignature(String token) {
        int at = token.lastIndexOf('.') + 10;
        return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    /** A sales rep's token whose payload now claims every role, with the original signature. */
    private static String withClaimsChanged(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("[\"sales\"]", "[\"" + String.join("\",\"", ROLES) + "\"]");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String newLead() {
        return given().auth().oauth2(DevIssuer.token(Roles.CAPTURE)).contentType(ContentType.JSON)
                .body("{\"email\":\"access." + UUID.randomUUID() + "@acme.example\",\"firstName\":\"Acceso\"}")
                .post("/api/leads").then().statusCode(201).extract().path("leadId");
    }
}
