package io.funnel.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.funnel.events.PipelineEvent.LeadAccepted;
import io.funnel.events.PipelineEvent.LeadAssigned;
import io.funnel.events.PipelineEvent.LeadRejected;
import io.funnel.events.PipelineEvent.OpportunityLost;
import io.funnel.events.PipelineEvent.OpportunityOpened;
import io.funnel.events.PipelineEvent.OpportunityWon;
import io.funnel.events.PipelineEvent.RejectionReason;
import io.funnel.events.QualificationEvent.LeadDisqualified;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.events.QualificationEvent.PersonaMatched;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hours from T0 = 2024-03-04T08:00Z (this class owns the year 2024):
 * L1 webinar/spring/guide, persona ops: lead 0, MQL 10, queue 10.5 then rep R1 11, SQL 34, opportunity 58, won 240.
 * L2 webinar/spring, persona ops at 3 then cfo at 5: lead 2, MQL 22, rep R2, SQL 50, opportunity 74, lost 100.
 * L3 ads, UTM campaign retarget: lead 4, MQL 8, rep R1, rejected 30.
 * L4 ads, in April: lead at 30 days, disqualified.
 * Hours in LEAD: 10, 20, 4 → median 10, p90 18; MQL: 24, 28 → 26, 27.6; SQL: 24, 24; OPPORTUNITY: 182.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.SALES_MANAGER)
class FunnelBreakdownTest {

    private static boolean published;

    private static final UUID R1 = UUID.randomUUID();
    private static final UUID R2 = UUID.randomUUID();
    private static final Map<String, String> MARCH_APRIL = Map.of("from", "2024-03-01", "to", "2024-04-30");

    /** Once per class, after the application started (a static @BeforeAll would run before it listens). */
    @BeforeEach
    void publishScenarioOnce() {
        if (published) {
            return;
        }
        published = true;
        Scenario s = new Scenario(Instant.parse("2024-03-04T08:00:00Z"));
        UUID l1 = UUID.randomUUID();
        UUID l2 = UUID.randomUUID();
        UUID l3 = UUID.randomUUID();
        UUID l4 = UUID.randomUUID();
        UUID o1 = UUID.randomUUID();
        UUID o2 = UUID.randomUUID();
        s.lead(l1, 0, "webinar", "spring", "guide")
                .add(new PersonaMatched(l1, "ops", s.hours(1)),
                        new LeadQualified(l1, 60, 50, "ops", List.of(), s.hours(10)),
                        new LeadAssigned(l1, null, "default", null, s.hours(10.5)),
                        new LeadAssigned(l1, R1, "default", null, s.hours(11)),
                        new LeadAccepted(l1, R1, s.hours(34)),
                        new OpportunityOpened(l1, o1, new BigDecimal("50000"), "EUR", null, "DISCOVERY", s.hours(58)),
                        new OpportunityWon(l1, o1, new BigDecimal("48000"), "EUR", s.hours(240)));
        s.lead(l2, 2, "webinar", "spring", null)
                .add(new PersonaMatched(l2, "ops", s.hours(3)),
                        new PersonaMatched(l2, "cfo", s.hours(5)),
                        new LeadQualified(l2, 55, 50, "cfo", List.of(), s.hours(22)),
                        new LeadAssigned(l2, R2, "default", null, s.hours(23)),
                        new LeadAccepted(l2, R2, s.hours(50)),
                        new OpportunityOpened(l2, o2, new BigDecimal("30000"), "EUR", null, "DISCOVERY", s.hours(74)),
                        new OpportunityLost(l2, o2, "price", "too expensive", s.hours(100)));
        s.add(new io.funnel.events.LeadEvent.LeadCaptured(l3, Scenario.PROFILE,
                        new io.funnel.events.LeadEvent.Attribution("ads", null,
                                new io.funnel.events.LeadEvent.Utm("google", "cpc", "retarget", null, null), null),
                        null, null, s.hours(4)),
                new LeadQualified(l3, 51, 50, null, List.of(), s.hours(8)),
                new LeadAssigned(l3, R1, "default", null, s.hours(9)),
                new LeadRejected(l3, R1, RejectionReason.NO_BUDGET, "next year", s.hours(30)));
        s.lead(l4, 30 * 24, "ads", null, null)
                .add(new LeadDisqualified(l4, "competitor", s.hours(30 * 24 + 1)));
        s.publish(11);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParams(MARCH_APRIL)
                .get("/api/funnel").then().statusCode(200)
                .body("stages.entered", contains(4, 4, 3, 2, 2, 1))
                .body("disqualified", equalTo(1)));
    }

    @Test
    void totalsConversionAndTimeInStage() {
        given().queryParams(MARCH_APRIL).get("/api/funnel")
                .then().statusCode(200)
                .body("stages.stage", contains("VISITOR", "LEAD", "MQL", "SQL", "OPPORTUNITY", "CUSTOMER"))
                .body("stages.entered", contains(4, 4, 3, 2, 2, 1))
                .body("stages.conversionToNext", contains(1.0f, 0.75f, 0.6667f, 1.0f, 0.5f, 0.0f))
                .body("stages.medianHoursInStage", contains(0.0f, 10.0f, 26.0f, 24.0f, 182.0f, 0.0f))
                .body("stages.p90HoursInStage", contains(0.0f, 18.0f, 27.6f, 24.0f, 182.0f, 0.0f))
                .body("stages.timedLeads", contains(4, 3, 2, 2, 1, 0))
                .body("recycled", equalTo(1))
                .body("disqualified", equalTo(1))
                .body("lost", equalTo(1));
    }

    @Test
    void aPeriodSelectsTheLeadsThatFirstAppearedInIt() {
        given().queryParam("from", "2024-03-01").queryParam("to", "2024-03-31").get("/api/funnel")
                .then().statusCode(200)
                .body("stages.entered", contains(3, 3, 3, 2, 2, 1))
                .body("stages.conversionToNext", contains(1.0f, 1.0f, 0.6667f, 1.0f, 0.5f, 0.0f))
                .body("disqualified", equalTo(0))
                .body("to", equalTo("2024-04-01T00:00:00Z"));
    }

    @Test
    void groupsBySourceCampaignPersonaRepAndMonth() {
        given().queryParams(MARCH_APRIL).queryParam("groupBy", "source").get("/api/funnel")
                .then().statusCode(200)
                .body("groupBy", equalTo("source"))
                .body("groups.key", contains("ads", "webinar"))
                .body("groups[0].stages.entered", contains(2, 2, 1, 0, 0, 0))
                .body("groups[0].recycled", equalTo(1))
                .body("groups[0].disqualified", equalTo(1))
                .body("groups[1].stages.entered", contains(2, 2, 2, 2, 2, 1))
                .body("groups[1].stages.medianHoursInStage", contains(0.0f, 15.0f, 26.0f, 24.0f, 182.0f, 0.0f))
                .body("groups[1].lost", equalTo(1));
        given().queryParams(MARCH_APRIL).queryParam("groupBy", "campaign").get("/api/funnel")
                .then().statusCode(200)
                .body("groups.key", contains("(none)", "retarget", "spring"));
        given().queryParams(MARCH_APRIL).queryParam("groupBy", "content").get("/api/funnel")
                .then().statusCode(200)
                .body("groups.key", contains("(none)", "guide"));
        given().queryParams(MARCH_APRIL).queryParam("groupBy", "persona").get("/api/funnel")
                .then().statusCode(200)
                .body("groups.key", contains("(none)", "cfo", "ops"))
                .body("groups[1].stages.entered", contains(1, 1, 1, 1, 1, 0));
        given().queryParams(MARCH_APRIL).queryParam("groupBy", "rep").get("/api/funnel")
                .then().statusCode(200)
                .body("groups.find { it.key == '" + R1 + "' }.stages.entered", contains(2, 2, 2, 1, 1, 1))
                .body("groups.find { it.key == '" + R2 + "' }.stages.entered", contains(1, 1, 1, 1, 1, 0))
                .body("groups.find { it.key == '(none)' }.stages.entered", contains(1, 1, 0, 0, 0, 0));
        given().queryParams(MARCH_APRIL).queryParam("groupBy", "MONTH").get("/api/funnel")
                .then().statusCode(200)
                .body("groups.key", contains("2024-03", "2024-04"))
                .body("groups[1].stages.entered", contains(1, 1, 0, 0, 0, 0));
    }

    @Test
    void anEmptyPeriodGivesZeros() {
        given().queryParam("from", "1999-01-01").queryParam("to", "1999-01-31").queryParam("groupBy", "source")
                .get("/api/funnel")
                .then().statusCode(200)
                .body("stages.entered", contains(0, 0, 0, 0, 0, 0))
                .body("stages.conversionToNext", contains(0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f))
                .body("stages.p90HoursInStage", contains(0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f))
                .body("groups.size()", equalTo(0));
    }

    @Test
    void badParametersAre400ProblemJson() {
        expect400(Map.of("groupBy", "color"), "groupBy");
        expect400(Map.of("from", "2024-05-01", "to", "2024-04-01"), "from");
        expect400(Map.of("from", "2024-13-01"), "from");
        expect400(Map.of("to", "tomorrow"), "to");
    }

    private static void expect400(Map<String, String> params, String field) {
        given().queryParams(params).get("/api/funnel")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }
}
