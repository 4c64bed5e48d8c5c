package io.funnel.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.funnel.capture.api.ActivityResource;
import io.funnel.events.ActivityEvent.VisitorActivityRecorded;
import io.funnel.events.EventCodec;
import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.CAPTURE)
class ActivityStitchingTest {

    private TopicProbe activities;

    @BeforeEach
    void subscribe() {
        activities = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(), Topics.ACTIVITIES);
    }

    @AfterEach
    void close() {
        activities.close();
    }

    @Test
    void anonymousHistoryIsRepublishedWithTheLeadIdWhenTheVisitorIdentifies() {
        String visitor = "v-" + UUID.randomUUID();
        List<String> ids = given().contentType(ContentType.JSON).body("""
                [{"visitorId":"%s","type":"PAGE_VIEW","url":"https://acme.example/pricing",
                  "occurredAt":"2026-03-01T10:00:00Z"},
                 {"visitorId":"%s","type":"CONTENT_DOWNLOAD","contentId":"bim-guide","campaign":"spring"}]"""
                        .formatted(visitor, visitor))
                .post("/api/activities")
                .then().statusCode(202).body("accepted", equalTo(2)).extract().path("activityIds");

        String leadId = given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + visitor + "@acme.example\",\"visitorId\":\"" + visitor + "\"}")
                .post("/api/leads").then().statusCode(201).extract().path("leadId");
        given().contentType(ContentType.JSON)
                .body("{\"visitorId\":\"" + visitor + "\",\"type\":\"WEBINAR_ATTENDED\"}")
                .post("/api/activities").then().statusCode(202);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<VisitorActivityRecorded> seen = activities.records().stream()
                    .map(r -> (VisitorActivityRecorded) EventCodec.decode(r.header("ce_type"), r.value()))
                    .filter(a -> visitor.equals(a.visitorId())).toList();
            assertThat(seen).filteredOn(a -> a.leadId() == null).extracting(a -> a.activityId().toString())
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(seen).filteredOn(a -> a.leadId() != null).hasSize(3)
                    .allSatisfy(a -> assertThat(a.leadId().toString()).isEqualTo(leadId))
                    .extracting(a -> a.activityId().toString()).containsAll(ids);
        });
    }

    @Test
    void activityByEmailOfAKnownLeadCarriesItsLeadId() {
        String email = "known." + UUID.randomUUID() + "@acme.example";
        String leadId = given().contentType(ContentType.JSON).body("{\"email\":\"" + email + "\"}")
                .post("/api/leads").then().statusCode(201).extract().path("leadId");

        given().contentType(ContentType.JSON).body("{\"email\":\"" + email.toUpperCase() + "\",\"type\":\"EMAIL_CLICK\"}")
                .post("/api/activities").then().statusCode(202);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(activities.records())
                .anySatisfy(r -> assertThat(r.key()).isEqualTo(leadId)));
    }

    @Test
    void fullBatchesResolveEveryActivitysLead() {
        String email = "batch." + UUID.randomUUID() + "@acme.example";
        String known = given().contentType(ContentType.JSON).body("{\"email\":\"" + email + "\"}")
                .post("/api/leads").then().statusCode(201).extract().path("leadId");
        String visitor = "v-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"other." + email + "\",\"visitorId\":\"" + visitor + "\"}")
                .post("/api/leads").then().statusCode(201);
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < ActivityResource.MAX_BATCH; i++) {
            String who = switch (i % 3) {
                case 0 -> "\"email\":\"" + email.toUpperCase() + "\"";
                case 1 -> "\"visitorId\":\"" + visitor + "\"";
                default -> "\"visitorId\":\"" + visitor + "-anonymous-" + i + "\"";
            };
            batch.append(i == 0 ? "" : ",").append("{").append(who).append(",\"type\":\"PAGE_VIEW\"}");
        }
        String body = batch.append("]").toString();

        for (int round = 0; round < 3; round++) {
            given().contentType(ContentType.JSON).body(body).post("/api/activities")
                    .then().statusCode(202).body("accepted", equalTo(ActivityResource.MAX_BATCH));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<VisitorActivityRecorded> seen = activities.records().stream()
                    .map(r -> (VisitorActivityRecorded) EventCodec.decode(r.header("ce_type"), r.value()))
                    .toList();
            assertThat(seen).filteredOn(a -> a.leadId() != null && a.leadId().toString().equals(known))
                    .hasSize(3 * 167);
            assertThat(seen).filteredOn(a -> visitor.equals(a.visitorId()))
                    .hasSize(3 * 167).allSatisfy(a -> assertThat(a.leadId()).isNotNull());
            assertThat(seen).filteredOn(a -> a.visitorId() != null
                            && a.visitorId().startsWith(visitor + "-anonymous-"))
                    .hasSize(3 * 166).allSatisfy(a -> assertThat(a.leadId()).isNull());
        });
    }

    @Test
    void badActivitiesAreRefusedNamingTheFieldAndTheIndex() {
        given().contentType(ContentType.JSON).body("{\"type\":\"PAGE_VIEW\"}")
                .post("/api/activities")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("visitorId"));
        given().contentType(ContentType.JSON).body("[{\"visitorId\":\"a\",\"type\":\"PAGE_VIEW\"},{\"visitorId\":\"b\"}]")
                .post("/api/activities")
                .then().statusCode(422)
                .body("errors.field", hasItem("[1].type"));
        given().contentType(ContentType.JSON).body("{\"visitorId\":\"a\",\"type\":\"TELEPATHY\"}")
                .post("/api/activities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("type"));
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"nobody." + UUID.randomUUID() + "@acme.example\",\"type\":\"PAGE_VIEW\"}")
                .post("/api/activities")
                .then().statusCode(422).body("errors.field", hasItem("email"));
        given().contentType(ContentType.JSON)
                .body("{\"visitorId\":\"a\",\"type\":\"PAGE_VIEW\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}")
                .post("/api/activities")
                .then().statusCode(422).body("errors.field", hasItem("occurredAt"));
    }

    @Test
    void batchOverTheLimitIs413() {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i <= 500; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"visitorId\":\"v\",\"type\":\"PAGE_VIEW\"}");
        }
        given().contentType(ContentType.JSON).body(batch.append("]").toString())
                .post("/api/activities")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("at most 500"));
        given().contentType(ContentType.JSON).body("[]").post("/api/activities").then().statusCode(422)
                .body("errors", hasSize(1));
    }
}
