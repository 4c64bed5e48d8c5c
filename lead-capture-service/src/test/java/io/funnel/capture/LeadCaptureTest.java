package io.funnel.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.funnel.events.EventCodec;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = {Roles.CAPTURE, Roles.MARKETING})
class LeadCaptureTest {

    private TopicProbe leads;

    @BeforeEach
    void subscribe() {
        leads = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(), Topics.LEADS);
    }

    @AfterEach
    void close() {
        leads.close();
    }

    @Test
    void newLeadIsStoredAndPublishedAsCloudEvent() {
        String email = "ana." + UUID.randomUUID() + "@acme.example";
        String leadId = given().contentType(ContentType.JSON)
                .body("""
                        {"email":"%s","firstName":"Ana","jobTitle":"Head of Operations","companySize":250,
                         "country":"ES","source":"webinar","utm":{"source":"linkedin","medium":"paid"},
                         "consent":{"marketing":true,"text":"Send me news","version":"2026-01"},
                         "fields":{"budget":"50k"}}""".formatted(email))
                .post("/api/leads")
                .then().statusCode(201)
                .body("status", equalTo("CAPTURED"))
                .header("Location", org.hamcrest.Matchers.containsString("/api/leads/"))
                .extract().path("leadId");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(leads.ofType("io.funnel.LeadCaptured.v1")).anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo(leadId);
                    assertThat(r.header("ce_specversion")).isEqualTo("1.0");
                    assertThat(r.header("ce_source")).isEqualTo("/lead-capture-service");
                    assertThat(r.header("ce_subject")).isEqualTo(leadId);
                    assertThat(r.header("ce_id")).isNotBlank();
                    assertThat(r.header("ce_time")).isNotBlank();
                    LeadCaptured event = (LeadCaptured) EventCodec.decode(r.header("ce_type"), r.value());
                    assertThat(event.profile().email()).isEqualTo(email);
                    assertThat(event.profile().companySize()).isEqualTo(250);
                    assertThat(event.attribution().utm().source()).isEqualTo("linkedin");
                    assertThat(event.attribution().fields()).containsEntry("budget", "50k");
                }));

        given().get("/api/leads/" + leadId).then().statusCode(200)
                .body("email", equalTo(email))
                .body("consent.marketing", equalTo(true));
    }

    @Test
    void sameNormalisedEmailMergesIntoTheExistingLead() {
        String local = "marta" + UUID.randomUUID().toString().substring(0, 8);
        String first = given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + local + "@gmail.com\",\"company\":\"Obras SA\"}")
                .post("/api/leads").then().statusCode(201).extract().path("leadId");

        given().contentType(ContentType.JSON)
                .body("{\"email\":\"  " + local.toUpperCase() + "+webinar@GMAIL.com \",\"jobTitle\":\"CFO\"}")
                .post("/api/leads")
                .then().statusCode(200)
                .body("status", equalTo("MERGED"))
                .body("leadId", equalTo(first));

        given().queryParam("email", local + "@gmail.com").get("/api/leads").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].company", equalTo("Obras SA"))
                .body("[0].jobTitle", equalTo("CFO"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(leads.ofType("io.funnel.LeadUpdated.v1")).anySatisfy(r -> assertThat(r.key()).isEqualTo(first));
            assertThat(leads.ofType("io.funnel.LeadMerged.v1")).anySatisfy(r -> assertThat(r.key()).isEqualTo(first));
        });
    }

    @Test
    void unknownLeadIs404ProblemJson() {
        given().get("/api/leads/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
