package io.funnel.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.funnel.events.ActivityEvent.ActivityType;
import io.funnel.events.ActivityEvent.VisitorActivityRecorded;
import io.funnel.events.LeadEvent.Attribution;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.Utm;
import io.funnel.events.PipelineEvent.OpportunityOpened;
import io.funnel.events.PipelineEvent.OpportunityWon;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * This class owns 2021. Days from 2021-03-01. A1: anonymous visit seo/blog-1 (0), captured from webinar/deck (2),
 * email-nurture click (5), opportunity 10,000 opened (10), retarget/case-study visit (12), won 12,000 (14).
 * A2: captured without campaign (1), opportunity 5,000 (3), won 5,000 (20): credited to (none).
 * Time decay (half-life 7 days) of 12,000 over touches 14, 12, 9 and 2 days old: 1680.43, 2048.47, 2757.03, 5514.07.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.MARKETING)
class AttributionTest {

    private static final Map<String, String> MARCH = Map.of("from", "2021-03-01", "to", "2021-03-31");
    private static boolean published;

    @BeforeEach
    void publishScenarioOnce() {
        if (published) {
            return;
        }
        published = true;
        Scenario s = new Scenario(Instant.parse("2021-03-01T00:00:00Z"));
        UUID a1 = UUID.randomUUID();
        UUID a2 = UUID.randomUUID();
        UUID o1 = UUID.randomUUID();
        UUID o2 = UUID.randomUUID();
        String visitor = "va-" + UUID.randomUUID();
        s.add(new VisitorActivityRecorded(UUID.randomUUID(), visitor, null, ActivityType.PAGE_VIEW, "/blog/1",
                        "blog-1", "seo", s.hours(0)),
                new LeadCaptured(a1, Scenario.PROFILE, new Attribution("webinar", "webinar",
                        new Utm(null, null, null, null, "deck"), null), null, visitor, s.hours(48)),
                new VisitorActivityRecorded(UUID.randomUUID(), null, a1, ActivityType.EMAIL_CLICK, null, null,
                        "email-nurture", s.hours(5 * 24)),
                new OpportunityOpened(a1, o1, new BigDecimal("10000"), "EUR", null, "DISCOVERY", s.hours(10 * 24)),
                new VisitorActivityRecorded(UUID.randomUUID(), visitor, a1, ActivityType.CONTENT_DOWNLOAD,
                        "/cases/1", "case-study", "retarget", s.hours(12 * 24)),
                new OpportunityWon(a1, o1, new BigDecimal("12000"), "EUR", s.hours(14 * 24)),
                new LeadCaptured(a2, Scenario.PROFILE, null, null, null, s.hours(24)),
                new OpportunityOpened(a2, o2, new BigDecimal("5000"), "EUR", null, "DISCOVERY", s.hours(3 * 24)),
                new OpportunityWon(a2, o2, new BigDecimal("5000"), "EUR", s.hours(20 * 24)));
        s.publish(21);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParams(MARCH)
                .queryParam("model", "linear").get("/api/attribution").then().statusCode(200)
                .body("revenue", equalTo(17000.0f))
                .body("pipeline", equalTo(15000.0f))
                .body("models[0].byCampaign.find { it.key == 'retarget' }.revenue", equalTo(3000.0f)));
    }

    @Test
    void singleTouchModels() {
        campaigns("first_touch")
                .body("models.model", contains("first_touch"))
                .body(revenue("seo"), equalTo(12000.0f)).body(pipeline("seo"), equalTo(10000.0f))
                .body(revenue("webinar"), equalTo(0.0f))
                .body(revenue("(none)"), equalTo(5000.0f)).body(pipeline("(none)"), equalTo(5000.0f))
                .body("models[0].byCampaign[0].key", equalTo("seo"));
        campaigns("last_touch")
                .body(revenue("retarget"), equalTo(12000.0f)).body(pipeline("email-nurture"), equalTo(10000.0f))
                .body(revenue("seo"), equalTo(0.0f));
    }

    @Test
    void sharedModels() {
        campaigns("linear")
                .body(revenue("seo"), equalTo(3000.0f)).body(revenue("webinar"), equalTo(3000.0f))
                .body(revenue("email-nurture"), equalTo(3000.0f)).body(revenue("retarget"), equalTo(3000.0f))
                .body(pipeline("seo"), equalTo(3333.33f)).body(pipeline("retarget"), equalTo(0.0f));
        campaigns("u_shaped")
                .body(revenue("seo"), equalTo(4800.0f)).body(revenue("retarget"), equalTo(4800.0f))
                .body(revenue("webinar"), equalTo(1200.0f)).body(revenue("email-nurture"), equalTo(1200.0f))
                .body(pipeline("seo"), equalTo(4000.0f)).body(pipeline("webinar"), equalTo(2000.0f))
                .body(pipeline("email-nurture"), equalTo(4000.0f));
        campaigns("w_shaped")
                .body(revenue("seo"), equalTo(3600.0f)).body(revenue("webinar"), equalTo(3600.0f))
                .body(revenue("email-nurture"), equalTo(3600.0f)).body(revenue("retarget"), equalTo(1200.0f))
                .body(pipeline("webinar"), equalTo(3333.33f));
        campaigns("time_decay")
                .body(revenue("seo"), equalTo(1680.43f)).body(revenue("webinar"), equalTo(2048.47f))
                .body(revenue("email-nurture"), equalTo(2757.03f)).body(revenue("retarget"), equalTo(5514.07f))
                .body(pipeline("seo"), equalTo(2590.89f)).body(pipeline("email-nurture"), equalTo(4250.79f));
    }

    @Test
    void contentAndAllModelsSideBySide() {
        given().queryParams(MARCH).queryParam("model", "all").get("/api/attribution")
                .then().statusCode(200)
                .body("models.model", contains("first_touch", "last_touch", "linear", "u_shaped", "w_shaped",
                        "time_decay"))
                .body("models[0].byContent.find { it.key == 'blog-1' }.revenue", equalTo(12000.0f))
                .body("models[1].byContent.find { it.key == 'case-study' }.revenue", equalTo(12000.0f))
                .body("models[2].byContent.find { it.key == 'deck' }.revenue", equalTo(3000.0f))
                .body("models[2].byContent.find { it.key == '(none)' }.revenue", equalTo(8000.0f));
    }

    @Test
    void emptyPeriodsAndBadParameters() {
        given().queryParam("from", "1996-01-01").queryParam("to", "1996-01-31").get("/api/attribution")
                .then().statusCode(200)
                .body("revenue", equalTo(0.0f))
                .body("models[0].byCampaign.size()", equalTo(0));
        given().queryParam("model", "last_click").get("/api/attribution")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("model"));
        given().queryParam("from", "2021-04-01").queryParam("to", "2021-03-01").get("/api/attribution")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static ValidatableResponse campaigns(String model) {
        return given().queryParams(MARCH).queryParam("model", model).get("/api/attribution").then().statusCode(200);
    }

    private static String revenue(String campaign) {
        return "models[0].byCampaign.find { it.key == '" + campaign + "' }.revenue";
    }

    private static String pipeline(String campaign) {
        return "models[0].byCampaign.find { it.key == '" + campaign + "' }.pipeline";
    }
}
