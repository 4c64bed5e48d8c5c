package io.funnel.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = {Roles.CAPTURE, Roles.ADMIN})
class ErasureTest {

    @Test
    void erasureRemovesPersonalDataAndTellsEveryService() {
        String email = "forget.me." + UUID.randomUUID() + "@acme.example";
        String leadId = given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"firstName\":\"Olvido\",\"phone\":\"+34 600 000 000\"}")
                .post("/api/leads").then().statusCode(201).extract().path("leadId");

        given().delete("/api/leads/" + leadId).then().statusCode(204);
        given().delete("/api/leads/" + leadId).then().statusCode(204);

        given().get("/api/leads/" + leadId).then().statusCode(410).contentType("application/problem+json");
        given().queryParam("email", email).get("/api/leads").then().statusCode(200).body("$", hasSize(0));
        assertThat(TestDatabase.count("select count(*) from lead where id = '" + leadId
                + "' and first_name is null and phone is null and email = 'erased'")).isEqualTo(1);
        try (TopicProbe leads = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(), Topics.LEADS)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(leads.ofType("io.funnel.LeadErased.v1")).filteredOn(r -> r.key().equals(leadId))
                            .hasSize(1));
        }
        given().contentType(ContentType.JSON).body("{\"email\":\"" + email + "\"}")
                .post("/api/leads").then().statusCode(201);
    }

    @Test
    void erasingAnUnknownLeadIs404() {
        given().delete("/api/leads/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
