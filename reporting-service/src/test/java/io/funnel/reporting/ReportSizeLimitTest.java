package io.funnel.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.platform.api.Problem;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Above {@code funnel.reporting.max-stage-entries} the reports that read every journey answer 503 instead of running
 * out of heap, and the projection goes on.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.REVENUE_OPS)
@TestProfile(ReportSizeLimitTest.OneStageEntry.class)
class ReportSizeLimitTest {

    public static class OneStageEntry implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("funnel.reporting.max-stage-entries", "1");
        }
    }

    private static final LeadProfile PROFILE = new LeadProfile("x@y.example", null, null, null, null, null, null,
            null, null);

    @Test
    void reportsAboveTheLimitAreRefusedAndTheProjectionGoesOn() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        publishCapture(first);
        publishCapture(second);
        awaitStageEntry(first);

        for (String report : List.of("/api/funnel", "/api/sla", "/api/bulletin")) {
            given().accept("application/json").get(report).then().statusCode(503)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("detail", containsString("funnel.reporting.max-stage-entries (1)"));
        }

        awaitStageEntry(second);
        UUID third = UUID.randomUUID();
        publishCapture(third);
        awaitStageEntry(third);
    }

    private static void publishCapture(UUID leadId) {
        try (TopicProbe probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers())) {
            probe.publish(new LeadCaptured(leadId, PROFILE, null, null, null, Instant.now()),
                    UUID.randomUUID().toString());
        }
    }

    private static void awaitStageEntry(UUID leadId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from stage_entry where subject = '" + leadId + "'") > 0);
    }
}
