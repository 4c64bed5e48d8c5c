package io.funnel.qualification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.funnel.events.ActivityEvent.ActivityType;
import io.funnel.events.ActivityEvent.VisitorActivityRecorded;
import io.funnel.events.EventCodec;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.events.PipelineEvent.LeadAccepted;
import io.funnel.events.PipelineEvent.LeadRejected;
import io.funnel.events.PipelineEvent.RejectionReason;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A lead sales rejected goes back to nurture and qualifies again only after new engagement. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.MARKETING)
class RecyclingTest extends QualificationTopicTest {

    private static final LeadProfile DECISION_MAKER = new LeadProfile("ana@obras.example", "Ana", "Ruiz", null,
            "Obras SA", "Head of Operations", 250, "construction", "ES");


    @Test
    void rejectedLeadRequalifiesOnlyAfterAnActivityThatFollowsTheRejection() {
        UUID leadId = UUID.randomUUID();
        Instant start = clock.instant().minus(Duration.ofMinutes(10));
        probe.publish(new LeadCaptured(leadId, DECISION_MAKER, null, null, null, start), id());
        await().atMost(Duration.ofSeconds(30)).until(() -> of(leadId, "LeadQualified").size() == 1);

        Instant rejectedAt = start.plus(Duration.ofMinutes(2));
        probe.publish(new LeadRejected(leadId, UUID.randomUUID(), RejectionReason.TIMING, "next quarter",
                rejectedAt), id());
        await().atMost(Duration.ofSeconds(30)).until(() -> of(leadId, "LeadScored").size() == 2);
        given().get("/api/leads/" + leadId + "/score").then().statusCode(200)
                .body("mql", equalTo(false))
                .body("rejectedAt", notNullValue());

        // engagement from before the rejection does not count
        probe.publish(activity(leadId, rejectedAt.minusSeconds(30)), id());
        await().atMost(Duration.ofSeconds(30)).until(() -> of(leadId, "LeadScored").size() == 3);
        assertThat(of(leadId, "LeadQualified")).hasSize(1);

        Instant engagedAt = rejectedAt.plus(Duration.ofMinutes(1));
        probe.publish(activity(leadId, engagedAt), id());
        await().atMost(Duration.ofSeconds(30)).until(() -> of(leadId, "LeadQualified").size() == 2);
        LeadQualified again = (LeadQualified) EventCodec.decode("io.funnel.LeadQualified.v1",
                of(leadId, "LeadQualified").get(1).value());
        assertThat(again.occurredAt()).isEqualTo(engagedAt);
        assertThat(again.score()).isEqualTo(62);
        given().get("/api/leads/" + leadId + "/score").then().statusCode(200).body("mql", equalTo(true));
    }

    @Test
    void rejectionReadBeforeTheProfileStillHoldsTheLeadBackUntilNewEngagement() {
        UUID leadId = UUID.randomUUID();
        Instant capturedAt = clock.instant().minus(Duration.ofMinutes(10));
        Instant rejectedAt = capturedAt.plus(Duration.ofMinutes(2));
        // as in a replay: the pipeline topic is read before the lead's profile
        probe.publish(new LeadRejected(leadId, UUID.randomUUID(), RejectionReason.TIMING, "next quarter",
                rejectedAt), id());
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from pipeline_outcome where lead_id = '" + leadId + "'") == 1);

        probe.publish(new LeadCaptured(leadId, DECISION_MAKER, null, null, null, capturedAt), id());
        await().atMost(Duration.ofSeconds(30)).until(() -> of(leadId, "LeadScored").size() == 1);
        probe.publish(activity(leadId, rejectedAt.minusSeconds(30)), id());
        await().atMost(Duration.ofSeconds(30)).until(() -> of(leadId, "LeadScored").size() == 2);
        assertThat(of(leadId, "LeadQualified")).as("60 points, but rejected and not engaged since").isEmpty();
        given().get("/api/leads/" + leadId + "/score").then().statusCode(200)
                .body("total", equalTo(61))
                .body("mql", equalTo(false))
                .body("rejectedAt", notNullValue());

        Instant engagedAt = rejectedAt.plus(Duration.ofMinutes(1));
        probe.publish(activity(leadId, engagedAt), id());
        await().atMost(Duration.ofSeconds(30)).until(() -> of(leadId, "LeadQualified").size() == 1);
        LeadQualified qualified = (LeadQualified) EventCodec.decode("io.funnel.LeadQualified.v1",
                of(leadId, "LeadQualified").get(0).value());
        assertThat(qualified.occurredAt()).isEqualTo(engagedAt);
        assertThat(qualified.score()).isEqualTo(62);
    }

    @Test
    void pipelineOutcomesAreRecordedOnceForTheSimulation() {
        UUID leadId = UUID.randomUUID();
        String acceptedId = id();
        LeadAccepted accepted = new LeadAccepted(leadId, UUID.randomUUID(), clock.instant());
        probe.publish(accepted, acceptedId);
        probe.publish(accepted, acceptedId);
        probe.publish(accepted, id());
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from pipeline_outcome where lead_id = '" + leadId + "'") == 1);
    }

    private static VisitorActivityRecorded activity(UUID leadId, Instant at) {
        return new VisitorActivityRecorded(UUID.randomUUID(), null, leadId, ActivityType.PAGE_VIEW, "/blog", null,
                null, at);
    }
}
