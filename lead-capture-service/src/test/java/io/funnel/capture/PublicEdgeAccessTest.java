package io.funnel.capture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.funnel.local.DevIssuer;
import io.funnel.local.FunnelTestResource;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Visitors' browsers and monitoring carry no token: the public edge answers them without one. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
class PublicEdgeAccessTest {

    private static final String ORIGIN = "https://www.obras.example";

    @Test
    void aWebFormWorksWithoutAToken() {
        String formId = "open-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(DevIssuer.token(Roles.MARKETING)).contentType(ContentType.JSON).body("""
                {"id":"%s","name":"Open form","allowedOrigins":["%s"],"thankYouUrl":"https://www.obras.example/ok"}"""
                        .formatted(formId, ORIGIN))
                .post("/api/forms").then().statusCode(201);

        given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .options("/forms/" + formId).then().statusCode(204).header("Access-Control-Allow-Origin", ORIGIN);
        given().get("/forms/" + formId + "/example").then().statusCode(200)
                .body(containsString("action=\"/forms/" + formId + "\""));
        String email = "visitor." + UUID.randomUUID() + "@obras.example";
        given().redirects().follow(false).header("Origin", ORIGIN).contentType(ContentType.URLENC)
                .formParam("email", email).post("/forms/" + formId)
                .then().statusCode(303).header("Location", "https://www.obras.example/ok");

        given().auth().oauth2(DevIssuer.token(Roles.MARKETING)).queryParam("email", email).get("/api/leads")
                .then().statusCode(200).body("[0].source", equalTo("form:" + formId));
    }

    @Test
    void activityIsRecordedWithoutAToken() {
        given().contentType(ContentType.JSON).body("{\"visitorId\":\"v-open\",\"type\":\"PAGE_VIEW\"}")
                .post("/api/activities").then().statusCode(202).body("accepted", equalTo(1));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/q/health", "/q/metrics", "/q/openapi", "/asyncapi.json", "/forms/embed.js"})
    void documentsAndMonitoringAreOpen(String path) {
        given().get(path).then().statusCode(200);
    }
}
