package io.funnel.qualification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.funnel.events.ActivityEvent.ActivityType;
import io.funnel.events.ActivityEvent.VisitorActivityRecorded;
import io.funnel.events.EventCodec;
import io.funnel.events.FunnelEvent;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.events.LeadEvent.LeadUpdated;
import io.funnel.events.PipelineEvent.LeadRejected;
import io.funnel.events.PipelineEvent.RejectionReason;
import io.funnel.events.QualificationEvent.LeadScored;
import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe.Received;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Profiles consumed in one batch have their leads locked and read together: each lead is still scored with its own
 * earlier activities and rejections, and a second profile of a lead in the same batch updates the score the first
 * created; the batch's score history rows, written together at its end, keep their order.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.MARKETING)
class ProfileBurstTest extends QualificationTopicTest {

    /** Fit 35 under the default model: 250 employees (+20), construction (+15). */
    private static final LeadProfile ENGINEER = new LeadProfile("eva@obras.example", "Eva", null, null, "Obras SA",
            "Site engineer", 250, "construction", "ES");
    /** Fit 60: an MQL on its own. */
    private static final LeadProfile DECISION_MAKER = new LeadProfile("ana@obras.example", "Ana", "Ruiz", null,
            "Obras SA", "Head of Operations", 250, "construction", "ES");

    @Inject
    MeterRegistry registry;

    @Test
    void aBurstOfProfilesIsScoredAsEachLeadAloneWouldBe() {
        Instant start = clock.instant().minus(Duration.ofMinutes(10));
        UUID engaged = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        UUID updated = UUID.randomUUID();
        probe.publish(new VisitorActivityRecorded(UUID.randomUUID(), null, engaged, ActivityType.DEMO_REQUEST,
                "/demo", null, null, start.minusSeconds(30)), id());
        probe.publish(new LeadRejected(rejected, UUID.randomUUID(), RejectionReason.TIMING, "next quarter",
                start.minusSeconds(20)), id());
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from lead_activity"
                + " where lead_id = '" + engaged + "'") == 1 && TestDatabase.count("select count(*) from"
                + " pipeline_outcome where lead_id = '" + rejected + "'") == 1);

        double splitBefore = batchesSplit();
        DistributionSummary transactions = registry.summary("funnel.events.transaction.size", "topic",
                Topics.LEADS);
        long transactionsBefore = transactions.count();
        double eventsBefore = transactions.totalAmount();
        List<UUID> others = Stream.generate(UUID::randomUUID).limit(40).toList();
        List<FunnelEvent> burst = new ArrayList<>();
        burst.add(new LeadCaptured(engaged, ENGINEER, null, null, null, start));
        burst.add(new LeadCaptured(rejected, DECISION_MAKER, null, null, null, start));
        burst.add(new LeadCaptured(updated, DECISION_MAKER, null, null, null, start));
        burst.add(new LeadUpdated(updated, ENGINEER, null, start.plusSeconds(1)));
        others.forEach(leadId -> burst.add(new LeadCaptured(leadId, ENGINEER, null, null, null, start)));
        probe.publishAll(burst);

        await().atMost(Duration.ofSeconds(30)).until(() -> of(updated, "LeadScored").size() == 2
                && others.stream().allMatch(leadId -> of(leadId, "LeadScored").size() == 1)
                && !of(engaged, "LeadScored").isEmpty() && !of(rejected, "LeadScored").isEmpty());

        assertThat(lastScore(engaged).total()).as("fit 35 + the demo asked for before the profile").isEqualTo(55);
        assertThat(of(engaged, "LeadQualified")).hasSize(1);
        assertThat(lastScore(rejected).total()).isEqualTo(60);
        assertThat(of(rejected, "LeadQualified")).as("rejected before, not engaged since").isEmpty();
        given().get("/api/leads/" + rejected + "/score").then().statusCode(200)
                .body("mql", equalTo(false))
                .body("rejectedAt", notNullValue());
        assertThat(lastScore(updated).total()).isEqualTo(35);
        assertThat(of(updated, "LeadQualified")).as("an MQL at its capture stays one").hasSize(1);
        given().get("/api/leads/" + updated + "/score").then().statusCode(200)
                .body("total", equalTo(35))
                .body("history.size()", equalTo(2))
                .body("history.cause", contains("LeadUpdated", "LeadCaptured"))
                .body("history.total", contains(35, 60));
        assertThat(others).allSatisfy(leadId -> assertThat(lastScore(leadId).total()).isEqualTo(35));
        assertThat(batchesSplit()).as("no batch failed and was applied again event by event").isEqualTo(splitBefore);
        assertThat(transactions.totalAmount() - eventsBefore).as("events applied, per the transaction-size metric")
                .isGreaterThanOrEqualTo(burst.size());
        assertThat(transactions.count() - transactionsBefore).as("transactions that carried them")
                .isLessThan(burst.size());
    }

    private double batchesSplit() {
        Counter split = registry.find("funnel.events.batch.split").counter();
        return split == null ? 0 : split.count();
    }

    private LeadScored lastScore(UUID leadId) {
        List<Received> scored = of(leadId, "LeadScored");
        Received last = scored.get(scored.size() - 1);
        return (LeadScored) EventCodec.decode(last.header("ce_type"), last.value());
    }
}
