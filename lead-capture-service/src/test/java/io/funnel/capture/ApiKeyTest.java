package io.funnel.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.funnel.capture.security.ApiKeyAuthentication;
import io.funnel.local.DevIssuer;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Server-to-server capture: an API key or a token with the capture scope posts leads, and opens nothing else. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
class ApiKeyTest {

    @ConfigProperty(name = "funnel.capture.api-keys")
    List<String> configuredKeys;

    @Test
    void aValidApiKeyCapturesTheLead() {
        String email = newEmail();
        String leadId = postLead(withKey(key()), email).then().statusCode(201)
                .body("status", equalTo("CAPTURED")).extract().path("leadId");

        given().auth().oauth2(DevIssuer.token(Roles.MARKETING)).get("/api/leads/" + leadId)
                .then().statusCode(200).body("email", equalTo(email));
    }

    @Test
    void anUnknownApiKeyIs401AndStoresNothing() {
        String email = newEmail();
        postLead(withKey("not-" + key()), email).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");

        assertThat(stored(email)).isZero();
    }

    @Test
    void aTokenWithTheCaptureScopeCapturesTheLead() {
        postLead(given().auth().oauth2(DevIssuer.scopedToken("crm-sync", "openid capture")), newEmail())
                .then().statusCode(201);
    }

    @Test
    void aTokenWithoutTheCaptureScopeIs403() {
        String email = newEmail();
        postLead(given().auth().oauth2(DevIssuer.scopedToken("crm-sync", "openid profile")), email)
                .then().statusCode(403).contentType("application/problem+json");

        assertThat(stored(email)).isZero();
    }

    @Test
    void aMarketingTokenCannotPostLeads() {
        String email = newEmail();
        postLead(given().auth().oauth2(DevIssuer.token(Roles.MARKETING)), email)
                .then().statusCode(403).contentType("application/problem+json");

        assertThat(stored(email)).isZero();
    }

    @Test
    void anApiKeyOpensNothingButCapture() {
        String leadId = postLead(withKey(key()), newEmail()).then().statusCode(201).extract().path("leadId");

        withKey(key()).get("/api/forms").then().statusCode(403).contentType("application/problem+json");
        withKey(key()).get("/api/campaigns").then().statusCode(403);
        withKey(key()).get("/api/leads/" + leadId).then().statusCode(403);
        withKey(key()).delete("/api/leads/" + leadId).then().statusCode(403);
    }

    /** The key of the test profile's integration ({@code name:key}). */
    private String key() {
        String entry = configuredKeys.get(0);
        return entry.substring(entry.indexOf(':') + 1);
    }

    private static RequestSpecification withKey(String key) {
        return given().header(ApiKeyAuthentication.HEADER, key);
    }

    private static Response postLead(RequestSpecification request, String email) {
        return request.contentType(ContentType.JSON).body("{\"email\":\"" + email + "\"}").post("/api/leads");
    }

    private static String newEmail() {
        return "integration." + UUID.randomUUID() + "@acme.example";
    }

    private static long stored(String email) {
        return TestDatabase.count("select count(*) from lead where email = '" + email + "'");
    }
}
