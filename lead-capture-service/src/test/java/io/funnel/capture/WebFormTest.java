package io.funnel.capture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.funnel.local.FunnelTestResource;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.MARKETING)
class WebFormTest {

    private static final String ORIGIN = "https://www.obras.example";
    private String formId;

    @BeforeEach
    void registerForm() {
        formId = "webinar-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("""
                {"id":"%s","name":"BIM webinar","allowedOrigins":["%s"],
                 "fieldMapping":{"empresa":"company","puesto":"jobTitle","acepto":"consent"},
                 "thankYouUrl":"https://www.obras.example/gracias","honeypotField":"website",
                 "consentText":"Acepto recibir información","consentVersion":"2026-01"}"""
                        .formatted(formId, ORIGIN))
                .post("/api/forms").then().statusCode(201);
    }

    @Test
    void submissionRedirectsToTheThankYouPageAndCapturesTheLead() {
        String email = "form." + UUID.randomUUID() + "@obras.example";
        given().redirects().follow(false).header("Origin", ORIGIN).cookie("funnel_vid", "v-cookie-1")
                .contentType(ContentType.URLENC)
                .formParam("email", email).formParam("empresa", "Obras SA").formParam("puesto", "Jefe de obra")
                .formParam("acepto", "on").formParam("presupuesto", "50k").formParam("utm_source", "linkedin")
                .formParam("website", "")
                .post("/forms/" + formId)
                .then().statusCode(303)
                .header("Location", "https://www.obras.example/gracias")
                .header("Access-Control-Allow-Origin", ORIGIN);

        given().queryParam("email", email).get("/api/leads").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].company", equalTo("Obras SA"))
                .body("[0].jobTitle", equalTo("Jefe de obra"))
                .body("[0].source", equalTo("form:" + formId))
                .body("[0].visitorId", equalTo("v-cookie-1"))
                .body("[0].consent.marketing", equalTo(true))
                .body("[0].consent.text", equalTo("Acepto recibir información"))
                .body("[0].fields.presupuesto", equalTo("50k"))
                .body("[0].utm.source", equalTo("linkedin"));
    }

    @Test
    void filledHoneypotIsAnsweredTheSameAndDropped() {
        String email = "bot." + UUID.randomUUID() + "@spam.example";
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("email", email).formParam("website", "http://cheap-pills.example")
                .post("/forms/" + formId)
                .then().statusCode(303);

        given().queryParam("email", email).get("/api/leads").then().body("$", hasSize(0));
        given().get("/q/metrics").then().body(containsString("funnel_forms_honeypot_total{form=\"" + formId + "\"}"));
    }

    @Test
    void badSubmissionsGetProblemDetails() {
        given().redirects().follow(false).header("Origin", "https://evil.example").contentType(ContentType.URLENC)
                .formParam("email", "a@b.example").post("/forms/" + formId)
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.URLENC).formParam("email", "not-an-email").post("/forms/" + formId)
                .then().statusCode(422).body("errors.field", hasItem("email"));
        given().contentType(ContentType.URLENC).formParam("email", "a@b.example").post("/forms/no-such-form")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"email\":\"a@b.example\"}").post("/forms/" + formId)
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void preflightAllowsOnlyTheFormsOrigins() {
        given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .options("/forms/" + formId)
                .then().statusCode(204).header("Access-Control-Allow-Origin", ORIGIN);
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/forms/" + formId)
                .then().statusCode(403);
    }

    @Test
    void formRegistryValidatesAndRefusesDuplicates() {
        given().contentType(ContentType.JSON).body("""
                {"id":"%s","name":"Again","allowedOrigins":["%s"],"thankYouUrl":"https://x.example/"}"""
                        .formatted(formId, ORIGIN))
                .post("/api/forms").then().statusCode(409);
        given().contentType(ContentType.JSON).body("""
                {"id":"Bad Id","name":"","allowedOrigins":["not an origin"],"thankYouUrl":"ftp://x",
                 "fieldMapping":{"x":"salary"}}""")
                .post("/api/forms").then().statusCode(422)
                .body("errors.field", hasItem("id"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("thankYouUrl"));
        given().get("/api/forms/" + formId).then().statusCode(200).body("honeypotField", equalTo("website"));
    }

    @Test
    void servesAnExamplePageAndTheEmbedSnippet() {
        given().get("/forms/" + formId + "/example").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("action=\"/forms/" + formId + "\""))
                .body(containsString("name=\"website\""));
        given().get("/forms/embed.js").then().statusCode(200).body(containsString("funnel_vid"));
    }
}
