package io.funnel.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.funnel.events.PipelineEvent.LeadAccepted;
import io.funnel.events.PipelineEvent.LeadRejected;
import io.funnel.events.PipelineEvent.OpportunityOpened;
import io.funnel.events.PipelineEvent.OpportunityWon;
import io.funnel.events.PipelineEvent.RejectionReason;
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
 * This class owns 2010, the earliest data of all test classes (the open funnel is everything before asOf); plans
 * are made as of 2010-12-31 with a 12-month look-back. Hours after each capture:
 * P1 (Jan): MQL 24, SQL 72, opportunity 168, won 20,000 at 408. P2 (Feb): MQL 48, SQL 96, opportunity 192, open.
 * P3 (Mar): MQL 24, rejected. P4 (Apr): MQL 72, undecided. P5–P10: leads only.
 * Rates: lead→MQL 4/10, MQL→SQL 2/4, SQL→opportunity 1, opportunity→won 1/2. Median hours: LEAD 36, MQL 48, SQL 96,
 * OPPORTUNITY 240. 100,000 at 20,000 a deal: 5 customers ← 10 opportunities ← 10 SQLs ← 20 MQLs ← 50 leads.
 * Open now: 7 leads (P3 recycled counts as a lead again) × 0.1 + 1 MQL × 0.25 + 1 opportunity × 0.5 = 1.45 customers.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.MARKETING)
class PlanTest {

    private static boolean published;

    @BeforeEach
    void publishScenarioOnce() {
        if (published) {
            return;
        }
        published = true;
        Scenario s = new Scenario(Instant.parse("2010-01-01T00:00:00Z"));
        UUID[] p = new UUID[10];
        for (int i = 0; i < p.length; i++) {
            p[i] = UUID.randomUUID();
            s.lead(p[i], i * 30 * 24, "web", null, null);
        }
        UUID o1 = UUID.randomUUID();
        UUID o2 = UUID.randomUUID();
        double feb = 30 * 24;
        s.add(new LeadQualified(p[0], 60, 50, null, List.of(), s.hours(24)),
                new LeadAccepted(p[0], null, s.hours(72)),
                new OpportunityOpened(p[0], o1, new BigDecimal("20000"), "EUR", null, "DISCOVERY", s.hours(168)),
                new OpportunityWon(p[0], o1, new BigDecimal("20000"), "EUR", s.hours(408)),
                new LeadQualified(p[1], 60, 50, null, List.of(), s.hours(feb + 48)),
                new LeadAccepted(p[1], null, s.hours(feb + 96)),
                new OpportunityOpened(p[1], o2, new BigDecimal("30000"), "EUR", null, "DISCOVERY",
                        s.hours(feb + 192)),
                new LeadQualified(p[2], 60, 50, null, List.of(), s.hours(2 * feb + 24)),
                new LeadRejected(p[2], null, RejectionReason.TIMING, null, s.hours(2 * feb + 48)),
                new LeadQualified(p[3], 60, 50, null, List.of(), s.hours(3 * feb + 72)));
        s.publish(8);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> plan("{\"revenueTarget\": 100000, "
                + "\"period\": \"2011-06\", \"asOf\": \"2010-12-31T00:00:00Z\"}")
                .statusCode(200)
                .body("stages.inFunnelNow", contains(0, 7, 1, 0, 1, 0))
                .body("stages.conversionToNext", contains(1.0f, 0.4f, 0.5f, 1.0f, 0.5f, 0.0f))
                // Counts can be complete before every capture time is: the leads topic may lag under load.
                .body("stages.medianHoursInStage", contains(0.0f, 36.0f, 48.0f, 96.0f, 240.0f, 0.0f)));
    }

    @Test
    void reverseFunnelFromMeasuredRatesAndDealSize() {
        plan("{\"revenueTarget\": 100000, \"period\": \"2011-06\", \"asOf\": \"2010-12-31T00:00:00Z\"}")
                .statusCode(200)
                .body("averageDealSize", equalTo(20000.0f))
                .body("averageDealSizeMeasured", equalTo(true))
                .body("customersNeeded", equalTo(5))
                .body("stages.stage", contains("VISITOR", "LEAD", "MQL", "SQL", "OPPORTUNITY", "CUSTOMER"))
                .body("stages.needed", contains(50, 50, 20, 10, 10, 5))
                .body("stages.medianHoursInStage", contains(0.0f, 36.0f, 48.0f, 96.0f, 240.0f, 0.0f))
                .body("stages.enterBy", contains("2011-05-14T12:00:00Z", "2011-05-14T12:00:00Z",
                        "2011-05-16T00:00:00Z", "2011-05-18T00:00:00Z", "2011-05-22T00:00:00Z",
                        "2011-06-01T00:00:00Z"))
                .body("stages.enterByMonth", contains("2011-05", "2011-05", "2011-05", "2011-05", "2011-05",
                        "2011-06"))
                .body("expectedCustomersFromFunnel", equalTo(1.45f))
                .body("expectedRevenueFromFunnel", equalTo(29000.0f))
                .body("revenueGap", equalTo(71000.0f))
                .body("stages.neededForGap", contains(40, 40, 16, 8, 8, 4))
                .body("warnings", empty());
    }

    @Test
    void aGivenDealSizeOverridesTheMeasuredOne() {
        plan("{\"revenueTarget\": 100000, \"period\": \"2011-06\", \"averageDealSize\": 25000,"
                + " \"asOf\": \"2010-12-31T00:00:00Z\"}")
                .statusCode(200)
                .body("averageDealSizeMeasured", equalTo(false))
                .body("stages.needed", contains(40, 40, 16, 8, 8, 4));
    }

    @Test
    void aWindowWithoutHistoryCannotBePlannedAboveTheCustomers() {
        String quiet = "{\"revenueTarget\": 100000, \"period\": \"2011-06\", \"lookBackMonths\": 1,"
                + " \"asOf\": \"2010-12-31T00:00:00Z\"%s}";
        plan(quiet.formatted(""))
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("averageDealSize"));
        plan(quiet.formatted(", \"averageDealSize\": 10000"))
                .statusCode(200)
                .body("stages.needed", contains(null, null, null, null, null, 10))
                .body("stages.conversionToNext", contains(0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f))
                .body("warnings", not(empty()));
    }

    @Test
    void badInputIs400() {
        expect400("{\"revenueTarget\": -5, \"period\": \"2011-06\"}", "revenueTarget");
        expect400("{\"period\": \"2011-06\"}", "revenueTarget");
        expect400("{\"revenueTarget\": 1000, \"period\": \"June\"}", "period");
        expect400("{\"revenueTarget\": 1000, \"period\": \"2011-06\", \"averageDealSize\": 0}", "averageDealSize");
        expect400("{\"revenueTarget\": 1000, \"period\": \"2011-06\", \"asOf\": \"soon\"}", "asOf");
        plan("{\"revenueTarget\": \"lots\"}").statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(1));
    }

    private static void expect400(String body, String field) {
        plan(body).statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    private static ValidatableResponse plan(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/plan").then();
    }
}
