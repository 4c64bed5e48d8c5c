package io.funnel.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.CAPTURE)
class IdempotencyKeyTest {

    @Test
    void retryWithTheSameKeyGetsTheFirstAnswerAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        String body = "{\"email\":\"retry." + key + "@acme.example\",\"company\":\"Acme\"}";
        String leadId = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/leads").then().statusCode(201).extract().path("leadId");
        long eventsAfterFirst = TestDatabase.count("select count(*) from idempotent_request");

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/leads")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("leadId", equalTo(leadId))
                .body("status", equalTo("CAPTURED"));

        assertThat(TestDatabase.count("select count(*) from idempotent_request")).isEqualTo(eventsAfterFirst);
        assertThat(TestDatabase.count("select count(*) from lead where id = '" + leadId + "' and version = 0"))
                .isEqualTo(1);
    }

    @Test
    void sameKeyForAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"email\":\"first." + key + "@acme.example\"}")
                .post("/api/leads").then().statusCode(201);

        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"email\":\"other." + key + "@acme.example\"}")
                .post("/api/leads")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(TestDatabase.count("select count(*) from lead where email = 'other." + key + "@acme.example'"))
                .isZero();
    }

    @Test
    void withoutAKeyASecondPostMerges() {
        String body = "{\"email\":\"nokey." + UUID.randomUUID() + "@acme.example\"}";
        given().contentType(ContentType.JSON).body(body).post("/api/leads").then().statusCode(201);
        given().contentType(ContentType.JSON).body(body).post("/api/leads").then().statusCode(200)
                .body("status", equalTo("MERGED"));
    }
}
