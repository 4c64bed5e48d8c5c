package io.funnel.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.funnel.events.PipelineEvent.LeadRejected;
import io.funnel.events.PipelineEvent.ObjectionLogged;
import io.funnel.events.PipelineEvent.OpportunityLost;
import io.funnel.events.PipelineEvent.OpportunityOpened;
import io.funnel.events.PipelineEvent.OpportunityWon;
import io.funnel.events.PipelineEvent.RejectionReason;
import io.funnel.events.QualificationEvent.PersonaMatched;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * This class owns 2022. Days from 2022-02-01: F1 spring/cfo rejected NO_BUDGET (2); F2 spring rejected NO_BUDGET (4)
 * and TIMING (19); F3 fall rejected BAD_FIT (5). F4 spring: opportunity 40,000, objections "Price" (7) and
 * "integration" (8), lost with objection "price" (14). F5 fall: opportunity 10,000, objection "price" (9), lost
 * without one (15). F6 spring: opportunity 25,000, objection "price" (10), won (24).
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.MARKETING)
class FeedbackTest {

    private static boolean published;

    private static final Map<String, String> FEBRUARY = Map.of("from", "2022-02-01", "to", "2022-02-28");

    /** Once per class, after the application started (a static @BeforeAll would run before it listens). */
    @BeforeEach
    void publishScenarioOnce() {
        if (published) {
            return;
        }
        published = true;
        Scenario s = new Scenario(Instant.parse("2022-02-01T00:00:00Z"));
        UUID f1 = UUID.randomUUID();
        UUID f2 = UUID.randomUUID();
        UUID f3 = UUID.randomUUID();
        UUID f4 = UUID.randomUUID();
        UUID f5 = UUID.randomUUID();
        UUID f6 = UUID.randomUUID();
        UUID o4 = UUID.randomUUID();
        UUID o5 = UUID.randomUUID();
        UUID o6 = UUID.randomUUID();
        s.lead(f1, 0, "ads", "spring", null).lead(f2, 0, "ads", "spring", null).lead(f3, 0, "ads", "fall", null)
                .lead(f4, 0, "ads", "spring", null).lead(f5, 0, "ads", "fall", null)
                .lead(f6, 0, "ads", "spring", null)
                .add(new PersonaMatched(f1, "cfo", s.hours(1)),
                        new LeadRejected(f1, null, RejectionReason.NO_BUDGET, "no money", s.hours(48)),
                        new LeadRejected(f2, null, RejectionReason.NO_BUDGET, null, s.hours(96)),
                        new LeadRejected(f2, null, RejectionReason.TIMING, null, s.hours(19 * 24)),
                        new LeadRejected(f3, null, RejectionReason.BAD_FIT, null, s.hours(5 * 24)),
                        opened(f4, o4, "40000", s.hours(24)),
                        new ObjectionLogged(f4, o4, "Price", "too expensive", s.hours(7 * 24)),
                        new ObjectionLogged(f4, o4, "integration", "needs SAP", s.hours(8 * 24)),
                        new OpportunityLost(f4, o4, "price", "price", s.hours(14 * 24)),
                        opened(f5, o5, "10000", s.hours(24)),
                        new ObjectionLogged(f5, o5, "price", null, s.hours(9 * 24)),
                        new OpportunityLost(f5, o5, "timing", null, s.hours(15 * 24)),
                        opened(f6, o6, "25000", s.hours(24)),
                        new ObjectionLogged(f6, o6, "price", null, s.hours(10 * 24)),
                        new OpportunityWon(f6, o6, new BigDecimal("25000"), "EUR", s.hours(24 * 24)));
        s.publish(3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParams(FEBRUARY)
                .get("/api/feedback").then().statusCode(200)
                .body("rejections.count.sum()", equalTo(4))
                .body("objections.mentions.sum()", equalTo(5))
                .body("objections.lostOpportunities.sum()", equalTo(3))
                // the leads' campaigns arrive on another topic: wait until every decision knows its campaign
                .body("rejections.group", not(hasItem("(none)")))
                .body("objections.group", not(hasItem("(none)"))));
        // and so does the persona, on qualification's topic
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParams(FEBRUARY)
                .queryParam("groupBy", "persona").get("/api/feedback").then().statusCode(200)
                .body("rejections.group", hasItem("cfo")));
    }

    private static OpportunityOpened opened(UUID lead, UUID opportunity, String amount, Instant at) {
        return new OpportunityOpened(lead, opportunity, new BigDecimal(amount), "EUR", null, "DISCOVERY", at);
    }

    @Test
    void rejectionReasonsByCampaign() {
        given().queryParams(FEBRUARY).get("/api/feedback")
                .then().statusCode(200)
                .body("groupBy", equalTo("campaign"))
                .body("rejections.group", contains("fall", "spring", "spring"))
                .body("rejections.reason", contains("BAD_FIT", "NO_BUDGET", "TIMING"))
                .body("rejections.count", contains(1, 2, 1));
        given().queryParams(FEBRUARY).queryParam("groupBy", "persona").get("/api/feedback")
                .then().statusCode(200)
                .body("rejections.group", contains("(none)", "(none)", "(none)", "cfo"))
                .body("rejections.reason", contains("BAD_FIT", "NO_BUDGET", "TIMING", "NO_BUDGET"));
    }

    @Test
    void objectionsWithTheRevenueLostWhereTheyWereRaised() {
        given().queryParams(FEBRUARY).get("/api/feedback")
                .then().statusCode(200)
                .body("objections.group", contains("fall", "spring", "spring"))
                .body("objections.objection", contains("price", "price", "integration"))
                .body("objections.mentions", contains(1, 3, 1))
                .body("objections.lostOpportunities", contains(1, 1, 1))
                .body("objections.lostRevenue", contains(10000.0f, 40000.0f, 40000.0f));
    }

    @Test
    void emptyPeriodsAndBadParameters() {
        given().queryParam("from", "1997-01-01").queryParam("to", "1997-12-31").get("/api/feedback")
                .then().statusCode(200)
                .body("rejections.size()", equalTo(0))
                .body("objections.size()", equalTo(0));
        given().queryParam("groupBy", "rep").get("/api/feedback")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("groupBy"));
        given().queryParam("from", "2022-03-01").queryParam("to", "2022-02-01").get("/api/feedback")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
