package io.funnel.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.funnel.events.ActivityEvent.ActivityType;
import io.funnel.events.ActivityEvent.VisitorActivityRecorded;
import io.funnel.events.FunnelEvent;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.events.PipelineEvent.LeadAccepted;
import io.funnel.events.PipelineEvent.LeadRejected;
import io.funnel.events.PipelineEvent.OpportunityOpened;
import io.funnel.events.PipelineEvent.OpportunityWon;
import io.funnel.events.PipelineEvent.RejectionReason;
import io.funnel.events.QualificationEvent.LeadDisqualified;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A hand-computed scenario, delivered shuffled and partly twice:
 * A: anonymous visit as v1, then a lead with visitor id v1; B: lead → MQL → SQL → opportunity → customer;
 * C: lead → MQL → rejected (recycled); D: lead → disqualified; v2: anonymous visits only.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.REVENUE_OPS)
class FunnelReportTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final Map<String, String> COHORT = Map.of("from", "2026-01-05", "to", "2026-01-06");
    private static final LeadProfile PROFILE = new LeadProfile("x@y.example", null, null, null, null, null, null,
            null, null);

    @Test
    void countsEachStageOnceWhateverTheOrderAndDuplicates() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        UUID opportunity = UUID.randomUUID();
        List<FunnelEvent> events = new ArrayList<>(List.of(
                new VisitorActivityRecorded(UUID.randomUUID(), "v1", null, ActivityType.PAGE_VIEW, "/", null, null,
                        T0),
                new LeadCaptured(a, PROFILE, null, null, "v1", at(1)),
                new LeadCaptured(b, PROFILE, null, null, null, at(1)),
                new LeadQualified(b, 60, 50, null, List.of(), at(2)),
                new LeadAccepted(b, null, at(3)),
                new OpportunityOpened(b, opportunity, new BigDecimal("1000"), "EUR", LocalDate.of(2026, 6, 1),
                        "DISCOVERY", at(4)),
                new OpportunityWon(b, opportunity, new BigDecimal("1000"), "EUR", at(30)),
                new LeadCaptured(c, PROFILE, null, null, null, at(1)),
                new LeadQualified(c, 55, 50, null, List.of(), at(2)),
                new LeadRejected(c, null, RejectionReason.NO_BUDGET, "next year", at(5)),
                new LeadCaptured(d, PROFILE, null, null, null, at(1)),
                new LeadDisqualified(d, "competitor domain", at(2)),
                new VisitorActivityRecorded(UUID.randomUUID(), "v2", null, ActivityType.PAGE_VIEW, "/", null, null,
                        T0),
                new VisitorActivityRecorded(UUID.randomUUID(), "v2", null, ActivityType.CONTENT_DOWNLOAD, "/guide",
                        "guide", null, at(1))));
        Collections.shuffle(events, new Random(7));
        try (TopicProbe probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers())) {
            for (FunnelEvent event : events) {
                String id = UUID.randomUUID().toString();
                probe.publish(event, id);
                if (event instanceof LeadQualified || event instanceof LeadCaptured) {
                    probe.publish(event, id);
                }
            }
        }

        // Other test classes share the database: their leads first appear in other years.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParams(COHORT).get("/api/funnel")
                .then().statusCode(200)
                .body("stages.stage", contains("VISITOR", "LEAD", "MQL", "SQL", "OPPORTUNITY", "CUSTOMER"))
                .body("stages.entered", contains(5, 4, 2, 1, 1, 1))
                .body("stages.conversionToNext", contains(0.8f, 0.5f, 0.5f, 1.0f, 1.0f, 0.0f))
                .body("recycled", equalTo(1))
                .body("disqualified", equalTo(1))
                .body("lost", equalTo(0)));

        given().queryParams(COHORT).queryParam("asOf", at(10).toString()).get("/api/funnel")
                .then().statusCode(200)
                .body("stages.entered", contains(5, 4, 2, 1, 1, 0));
    }

    @Test
    void malformedAsOfIs400ProblemJson() {
        given().queryParam("asOf", "yesterday").get("/api/funnel")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"));
    }

    private static Instant at(int days) {
        return T0.plus(Duration.ofDays(days));
    }
}
