package io.funnel.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.funnel.events.PipelineEvent.OpportunityOpened;
import io.funnel.events.PipelineEvent.OpportunityWon;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * This class owns 2018: MQLs on 2018-02-02 and 2018-03-05; an opportunity of 8,000 opened 2018-04-01, won for 9,000
 * on 2018-05-01.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.REVENUE_OPS)
class GoalsTest {

    private static boolean published;

    @BeforeEach
    void publishScenarioOnce() {
        if (published) {
            return;
        }
        published = true;
        Scenario s = new Scenario(Instant.parse("2018-01-01T00:00:00Z"));
        UUID g1 = UUID.randomUUID();
        UUID g2 = UUID.randomUUID();
        UUID o = UUID.randomUUID();
        s.lead(g1, 31 * 24, "web", null, null).lead(g2, 59 * 24, "web", null, null)
                .add(new LeadQualified(g1, 60, 50, null, List.of(), s.hours(32 * 24)),
                        new LeadQualified(g2, 60, 50, null, List.of(), s.hours(63 * 24)),
                        new OpportunityOpened(g1, o, new BigDecimal("8000"), "EUR", null, "DISCOVERY",
                                s.hours(90 * 24)),
                        new OpportunityWon(g1, o, new BigDecimal("9000"), "EUR", s.hours(120 * 24)))
                .publish(4);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                create("REVENUE", "9000", "2018-01-01", "2018-06-30").statusCode(201)
                        .body("actual", equalTo(9000.0f)));
    }

    @Test
    void progressOfEachMetric() {
        create("MQLS", "4", "2018-01-01", "2018-12-31").statusCode(201)
                .body("metric", equalTo("MQLS"))
                .body("actual", equalTo(2.0f))
                .body("share", equalTo(0.5f))
                .body("expectedByNow", equalTo(4.0f))
                .body("status", equalTo("MISSED"));
        create("REVENUE", "9000", "2018-01-01", "2018-06-30").statusCode(201)
                .body("share", equalTo(1.0f))
                .body("status", equalTo("ACHIEVED"));
        create("PIPELINE", "10000", "2018-04-01", "2018-04-01").statusCode(201)
                .body("actual", equalTo(8000.0f))
                .body("share", equalTo(0.8f))
                .body("status", equalTo("MISSED"));
        String future = create("LEADS", "10", "2099-01-01", "2099-12-31").statusCode(201)
                .body("actual", equalTo(0.0f))
                .body("expectedByNow", equalTo(0.0f))
                .body("status", equalTo("NOT_STARTED"))
                .extract().path("id");
        given().get("/api/goals").then().statusCode(200).body("id", hasItem(future));
        given().get("/api/goals/" + future).then().statusCode(200).body("ownerTeam", equalTo("MARKETING"));
        given().delete("/api/goals/" + future).then().statusCode(204);
        given().get("/api/goals/" + future).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badGoalsAreRefused() {
        create("MQLS", "-1", "2018-01-01", "2018-12-31").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("target"));
        create("VIBES", "1", "2018-01-01", "2018-12-31").statusCode(400).contentType("application/problem+json");
        create("MQLS", "1", "2018-12-31", "2018-01-01").statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("deadline"));
    }

    private static ValidatableResponse create(String metric, String target, String startsOn, String deadline) {
        return given().contentType(ContentType.JSON).body("""
                        {"name": "goal %s", "metric": "%s", "target": %s, "startsOn": "%s", "deadline": "%s",
                         "ownerTeam": "MARKETING"}""".formatted(UUID.randomUUID(), metric, target, startsOn, deadline))
                .post("/api/goals").then();
    }
}
