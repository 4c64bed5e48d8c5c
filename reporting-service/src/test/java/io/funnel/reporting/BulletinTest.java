package io.funnel.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.funnel.events.ActivityEvent.ActivityType;
import io.funnel.events.ActivityEvent.VisitorActivityRecorded;
import io.funnel.events.LeadEvent.Attribution;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.MarketingEvent.CampaignLaunched;
import io.funnel.events.MarketingEvent.ContentPublished;
import io.funnel.events.PipelineEvent.ContactChannel;
import io.funnel.events.PipelineEvent.LeadAssigned;
import io.funnel.events.PipelineEvent.LeadContacted;
import io.funnel.events.PipelineEvent.LeadRejected;
import io.funnel.events.PipelineEvent.ObjectionLogged;
import io.funnel.events.PipelineEvent.OpportunityLost;
import io.funnel.events.PipelineEvent.OpportunityOpened;
import io.funnel.events.PipelineEvent.OpportunityWon;
import io.funnel.events.PipelineEvent.RejectionReason;
import io.funnel.events.PipelineEvent.SlaBreached;
import io.funnel.events.PipelineEvent.SlaKind;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * This class owns 2017; agreement from 2017-01-01: 2 MQLs and 50,000 a month, first contact within 4 hours. April:
 * campaign "launch-2017" launched (3rd), "Buyer guide" (by "Marta & co", in the campaign) and "Pricing FAQ" (by Luis)
 * published. An anonymous visit to the guide from the campaign (6th) becomes lead B1 (7th), who reads the guide again
 * (8th), qualifies (9th), opens 30,000 (20th), objects on price (21st) and is won for 30,000 (28th). B2 and B3 rejected
 * NO_BUDGET, B4 BAD_FIT. Sales SLA, assigned at noon: B1 (10th, due by the agreement) contacted after 2 hours; B2
 * (11th, due in 4 hours) contacted after 6, a first-contact breach of rep R; B3 (12th, due in 4 hours) never
 * contacted: 1 of 3 within the SLA, median 4 and p90 5.6 hours to first contact. B5 opens 12,000 (18th), objects on
 * price (19th) and is lost on competitor (25th): both objections cost 12,000; price has 2 mentions.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.REVENUE_OPS)
class BulletinTest {

    private static final UUID REP = UUID.randomUUID();

    private static boolean published;

    @BeforeEach
    void publishScenarioOnce() {
        if (published) {
            return;
        }
        published = true;
        given().contentType(ContentType.JSON)
                .body(AgreementTest.body("bulletin-marketing", "bulletin-sales", 2)
                        .replace("2026-01-01", "2017-01-01").replace("120000", "50000"))
                .put("/api/agreement").then().statusCode(200);
        Scenario s = new Scenario(Instant.parse("2017-04-01T00:00:00Z"));
        UUID campaign = UUID.randomUUID();
        UUID guide = UUID.randomUUID();
        UUID b1 = UUID.randomUUID();
        UUID o1 = UUID.randomUUID();
        UUID b2 = UUID.randomUUID();
        UUID b3 = UUID.randomUUID();
        UUID b5 = UUID.randomUUID();
        UUID o5 = UUID.randomUUID();
        String visitor = "vb-" + UUID.randomUUID();
        s.add(new CampaignLaunched(campaign, "launch-2017", "email", LocalDate.of(2017, 4, 3), null, day(s, 3)),
                new CampaignLaunched(UUID.randomUUID(), "march-2017", "ads", null, null, day(s, -5)),
                new ContentPublished(guide, "Buyer guide", "ebook", campaign, "Marta & co", day(s, 5)),
                new ContentPublished(UUID.randomUUID(), "Pricing FAQ", "page", null, "Luis", day(s, 10)),
                new ContentPublished(UUID.randomUUID(), "May post", "blog", null, "Ana", day(s, 33)),
                new VisitorActivityRecorded(UUID.randomUUID(), visitor, null, ActivityType.PAGE_VIEW, "/guide",
                        guide.toString(), "launch-2017", day(s, 6)),
                new LeadCaptured(b1, Scenario.PROFILE, new Attribution("email", "launch-2017", null, null), null,
                        visitor, day(s, 7)),
                new VisitorActivityRecorded(UUID.randomUUID(), null, b1, ActivityType.CONTENT_DOWNLOAD, "/guide",
                        guide.toString(), null, day(s, 8)),
                new LeadQualified(b1, 70, 50, null, List.of(), day(s, 9)),
                new OpportunityOpened(b1, o1, new BigDecimal("30000"), "EUR", null, "DISCOVERY", day(s, 20)),
                new ObjectionLogged(b1, o1, "price", null, day(s, 21)),
                new OpportunityWon(b1, o1, new BigDecimal("30000"), "EUR", day(s, 28)),
                new LeadRejected(b2, null, RejectionReason.NO_BUDGET, null, day(s, 15)),
                new LeadRejected(b3, null, RejectionReason.NO_BUDGET, null, day(s, 16)),
                new LeadRejected(UUID.randomUUID(), null, RejectionReason.BAD_FIT, null, day(s, 17)),
                new LeadAssigned(b1, REP, "default", null, day(s, 10)),
                new LeadContacted(b1, REP, ContactChannel.CALL, "talked", day(s, 10).plus(Duration.ofHours(2))),
                new LeadAssigned(b2, REP, "default", day(s, 11).plus(Duration.ofHours(4)), day(s, 11)),
                new SlaBreached(b2, REP, SlaKind.FIRST_CONTACT, day(s, 11).plus(Duration.ofHours(4)),
                        day(s, 11).plus(Duration.ofHours(4))),
                new LeadContacted(b2, REP, ContactChannel.EMAIL, "replied", day(s, 11).plus(Duration.ofHours(6))),
                new LeadAssigned(b3, REP, "default", day(s, 12).plus(Duration.ofHours(4)), day(s, 12)),
                new OpportunityOpened(b5, o5, new BigDecimal("12000"), "EUR", null, "DISCOVERY", day(s, 18)),
                new ObjectionLogged(b5, o5, "price", null, day(s, 19)),
                new OpportunityLost(b5, o5, "went elsewhere", "competitor", day(s, 25)));
        s.publish(17);
        // every topic and partition of the scenario has been read once each of its last figures shows
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().accept(ContentType.JSON)
                .queryParam("month", "2017-04").get("/api/bulletin")
                .then().statusCode(200)
                .body("content.revenue", contains(30000.0f, 0.0f))
                .body("content.traffic", contains(2, 0))
                .body("campaigns.traffic", contains(1))
                .body("topObjections.lostRevenue", contains(12000.0f, 12000.0f))
                .body("content.leads", contains(1, 0))
                .body("marketingSla.mqlsDelivered", equalTo(1))
                .body("salesSla.contacted", equalTo(2))
                .body("salesSla.breachesByRep.total", contains(1))
                .body("topRejections.count", contains(2, 1)));
    }

    private static Instant day(Scenario s, int day) {
        return s.hours((day - 1) * 24 + 12);
    }

    @Test
    void theMonthInFigures() {
        given().accept(ContentType.JSON).queryParam("month", "2017-04").get("/api/bulletin")
                .then().statusCode(200)
                .body("content.name", contains("Buyer guide", "Pricing FAQ"))
                .body("content.by", contains("Marta & co", "Luis"))
                .body("content.traffic", contains(2, 0))
                .body("content.leads", contains(1, 0))
                .body("content.mqls", contains(1, 0))
                .body("content.pipeline", contains(30000.0f, 0.0f))
                .body("campaigns.name", contains("launch-2017"))
                .body("campaigns.leads", contains(1))
                .body("campaigns.revenue", contains(30000.0f))
                .body("contributors", contains("Luis", "Marta & co"))
                .body("marketingSla.mqlsDelivered", equalTo(1))
                .body("marketingSla.mqlsPromised", equalTo(2))
                .body("salesSla.assigned", equalTo(3))
                .body("salesSla.contacted", equalTo(2))
                .body("salesSla.measured", equalTo(3))
                .body("salesSla.contactedWithinSla", equalTo(1))
                .body("salesSla.shareWithinSla", equalTo(0.3333f))
                .body("salesSla.medianHoursToFirstContact", equalTo(4.0f))
                .body("salesSla.p90HoursToFirstContact", equalTo(5.6f))
                .body("salesSla.breachesByRep.repId", contains(REP.toString()))
                .body("salesSla.breachesByRep.firstContact", contains(1))
                .body("salesSla.breachesByRep.decision", contains(0))
                .body("topRejections.reason", contains("NO_BUDGET", "BAD_FIT"))
                .body("topRejections.count", contains(2, 1))
                .body("topObjections.objection", contains("price", "competitor"))
                .body("topObjections.mentions", contains(2, 1))
                .body("topObjections.lostOpportunities", contains(1, 1))
                .body("topObjections.lostRevenue", contains(12000.0f, 12000.0f))
                .body("revenueWon", equalTo(30000.0f))
                .body("revenueTarget", equalTo(50000.0f))
                .body("revenueGap", equalTo(20000.0f));
    }

    @Test
    void markdownAndHtml() {
        given().accept("text/markdown").queryParam("month", "2017-04").get("/api/bulletin")
                .then().statusCode(200).contentType(containsString("text/markdown"))
                .body(containsString("# Revenue bulletin 2017-04"))
                .body(containsString("| Buyer guide | ebook | Marta & co | 2 | 1 | 1 | 30000.00 | 30000.00 |"))
                .body(containsString("1. NO_BUDGET (2)"))
                .body(containsString("Revenue won: **30000.00** of a target of 50000.00 (gap 20000.00)"));
        given().accept(ContentType.HTML).queryParam("month", "2017-04").get("/api/bulletin")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<h1>Revenue bulletin 2017-04</h1>"))
                .body(containsString("<td>Marta &amp; co</td>"))
                .body(not(containsString("Marta & co")));
    }

    @Test
    void itsTablesAsCsv() {
        String csv = given().accept("text/csv").queryParam("month", "2017-04").get("/api/bulletin")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).containsExactly(
                "section,name,type,by,traffic,leads,mqls,pipeline,revenue",
                "content,Buyer guide,ebook,Marta & co,2,1,1,30000.00,30000.00",
                "content,Pricing FAQ,page,Luis,0,0,0,0.00,0.00",
                "campaign,launch-2017,email,,1,1,1,30000.00,30000.00");
        // Accept: */* still gets a page, not a spreadsheet.
        given().queryParam("month", "2017-04").get("/api/bulletin")
                .then().statusCode(200).contentType(not(startsWith("text/csv")));
    }

    @Test
    void anEmptyMonthAndABadOne() {
        given().accept(ContentType.JSON).queryParam("month", "1994-01").get("/api/bulletin")
                .then().statusCode(200)
                .body("content.size()", equalTo(0))
                .body("revenueWon", equalTo(0.0f))
                .body("marketingSla.acceptedShare", equalTo(0.0f));
        given().queryParam("month", "2017-13").get("/api/bulletin")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("month"));
    }
}
