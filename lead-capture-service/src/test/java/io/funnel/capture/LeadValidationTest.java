package io.funnel.capture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.funnel.local.FunnelTestResource;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.CAPTURE)
class LeadValidationTest {

    @Test
    void malformedJsonIs400ProblemJson() {
        given().contentType(ContentType.JSON).body("{\"email\": ")
                .post("/api/leads")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Bad Request"))
                .body("detail", containsString("Malformed JSON"));
    }

    @Test
    void wrongFieldTypeNamesTheField() {
        given().contentType(ContentType.JSON).body("{\"email\":\"a@b.example\",\"companySize\":\"many\"}")
                .post("/api/leads")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("companySize"));
    }

    @Test
    void invalidFieldsAre422NamingEachField() {
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"not-an-email\",\"country\":\"Spain\",\"utm\":{\"source\":\"" + "x".repeat(201) + "\"}}")
                .post("/api/leads")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("country"))
                .body("errors.field", hasItem("utm.source"));
    }

    @Test
    void missingEmailIs422() {
        given().contentType(ContentType.JSON).body("{\"firstName\":\"Ana\"}")
                .post("/api/leads")
                .then().statusCode(422)
                .body("errors.field", hasItem("email"));
    }

    @Test
    void emptyBodyIsRefused() {
        given().contentType(ContentType.JSON)
                .post("/api/leads")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(422)))
                .contentType("application/problem+json");
    }

    @Test
    void wrongContentTypeIs415() {
        given().contentType(ContentType.TEXT).body("email=a@b.example")
                .post("/api/leads")
                .then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void unknownPathIs404ProblemJson() {
        given().get("/api/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
