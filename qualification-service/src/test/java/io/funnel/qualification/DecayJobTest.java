package io.funnel.qualification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.funnel.events.ActivityEvent.ActivityType;
import io.funnel.events.ActivityEvent.VisitorActivityRecorded;
import io.funnel.events.EventCodec;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.events.QualificationEvent.LeadScored;
import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.funnel.local.TopicProbe.Received;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.funnel.qualification.domain.DecayJob;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Decay in (simulated) time: an MQL candidate that went cold is rescored below the threshold. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.MARKETING)
class DecayJobTest {

    /** Fit 45 under the default model: a decision maker (+25) at 250 employees (+20), not a target industry. */
    private static final LeadProfile BUYER = new LeadProfile("rita@shop.example", "Rita", null, null, "Shop",
            "Head of Sales", 250, "retail", "PT");

    @Inject
    MutableClock clock;

    @Inject
    DecayJob job;

    private TopicProbe probe;

    @BeforeEach
    void subscribe() {
        probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(), Topics.QUALIFICATION);
    }

    @AfterEach
    void close() {
        clock.reset();
        probe.close();
    }

    @Test
    void behaviourDecaysAndTheJobRescoresALeadThatFellBelowTheThreshold() throws Throwable {
        UUID leadId = UUID.randomUUID();
        Instant now = clock.instant();
        probe.publish(new LeadCaptured(leadId, BUYER, null, null, null, now.minusSeconds(20)), id());
        await().atMost(Duration.ofSeconds(30)).until(() -> scored(leadId).size() == 1);
        probe.publish(new VisitorActivityRecorded(UUID.randomUUID(), null, leadId, ActivityType.DEMO_REQUEST,
                "/demo", null, null, now.minusSeconds(10)), id());
        await().atMost(Duration.ofSeconds(30)).until(() -> scored(leadId).size() == 2);
        assertThat(scored(leadId).get(1).total()).isEqualTo(65);

        job.run();
        assertThat(stored(leadId)).as("still warm: not rescored").isEqualTo(2);

        clock.advance(Duration.ofDays(30)); // one half-life: 20 -> 10 points, 55 is still over 50
        job.run();
        assertThat(stored(leadId)).isEqualTo(2);

        clock.advance(Duration.ofDays(70)); // 100 days: 20 * 0.5^(100/30) = 1.98 -> 2 points
        job.run();
        await().atMost(Duration.ofSeconds(30)).until(() -> scored(leadId).size() == 3);
        LeadScored cold = scored(leadId).get(2);
        assertThat(cold.total()).isEqualTo(47);
        assertThat(cold.behaviour()).isEqualTo(2);
        given().get("/api/leads/" + leadId + "/score").then().statusCode(200)
                .body("total", equalTo(47))
                .body("mql", equalTo(true))
                .body("history[0].cause", equalTo("decay"));

        job.run();
        assertThat(stored(leadId)).as("below the threshold now: left alone").isEqualTo(3);
        assertThat(scored(leadId)).hasSize(3);
    }

    /** Scores stored for the lead (written in the job's transaction, before it returns). */
    private static long stored(UUID leadId) {
        return TestDatabase.count("select count(*) from score_history where lead_id = '" + leadId + "'");
    }

    private List<LeadScored> scored(UUID leadId) {
        return probe.ofType("io.funnel.LeadScored.v1").stream().filter(r -> leadId.toString().equals(r.key()))
                .map(Received::value).map(v -> (LeadScored) EventCodec.decode("io.funnel.LeadScored.v1", v))
                .toList();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
