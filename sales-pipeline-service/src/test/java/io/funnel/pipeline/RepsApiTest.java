package io.funnel.pipeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.funnel.local.FunnelTestResource;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.SALES_MANAGER)
class RepsApiTest {

    private static final String GOOD = """
            {"name":"Gina Reps","email":"gina@sales.example","territories":["MX","CO"],"personas":["cfo"],
             "capacity":8,"workingHours":{"start":"08:30","end":"16:30",
             "days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY"]},"timeZone":"America/Mexico_City"}""";

    @Test
    void repsAreCreatedReadReplacedAndDeactivated() {
        String id = given().contentType(ContentType.JSON).body(GOOD).post("/api/reps").then().statusCode(201)
                .header("Location", startsWith("http")).body("active", equalTo(true))
                .body("workingHours.start", equalTo("08:30:00"))
                .extract().path("id");
        given().get("/api/reps/" + id).then().statusCode(200)
                .body("territories", contains("MX", "CO")).body("personas", contains("cfo"))
                .body("workingHours.days", contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"))
                .body("timeZone", equalTo("America/Mexico_City")).body("openLeads", equalTo(0));
        given().get("/api/reps").then().statusCode(200).body("id", hasItem(id));

        given().contentType(ContentType.JSON).body("""
                        {"name":"Gina Reps","email":"gina@sales.example","territories":["MX"],"capacity":3,
                         "timeZone":"America/Mexico_City"}""")
                .put("/api/reps/" + id).then().statusCode(200)
                .body("capacity", equalTo(3)).body("territories", contains("MX"))
                .body("workingHours.start", equalTo("09:00:00"))
                .body("workingHours.days", contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));

        given().delete("/api/reps/" + id).then().statusCode(204);
        given().get("/api/reps/" + id).then().body("active", equalTo(false));
        given().delete("/api/reps/" + id).then().statusCode(204);
    }

    @Test
    void badRepsAreRefusedNamingTheField() {
        post(GOOD.replace("\"MX\"", "\"XX\"")).statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("territories"));
        post(GOOD.replace("\"MX\"", "\"mx\"")).statusCode(422).body("errors.field", hasItem(startsWith("territories")));
        post(GOOD.replace("America/Mexico_City", "Mars/Olympus")).statusCode(422)
                .body("errors.field", hasItem("timeZone"));
        post(GOOD.replace("\"16:30\"", "\"07:00\"")).statusCode(422).body("errors.field", hasItem("workingHours.end"));
        post(GOOD.replace("\"capacity\":8", "\"capacity\":-1")).statusCode(422)
                .body("errors.field", hasItem("capacity"));
        post(GOOD.replace("gina@sales.example", "not-an-address")).statusCode(422)
                .body("errors.field", hasItem("email"));
        post(GOOD.replace("\"08:30\"", "\"half past eight\"")).statusCode(400);
        given().get("/api/reps/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(GOOD).put("/api/reps/" + UUID.randomUUID()).then().statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/reps").then();
    }
}
