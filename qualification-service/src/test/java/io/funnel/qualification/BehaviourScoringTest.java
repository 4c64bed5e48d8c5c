package io.funnel.qualification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.funnel.events.ActivityEvent.ActivityType;
import io.funnel.events.ActivityEvent.VisitorActivityRecorded;
import io.funnel.events.EventCodec;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.events.LeadEvent.LeadUpdated;
import io.funnel.events.QualificationEvent.LeadDisqualified;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.events.QualificationEvent.LeadScored;
import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.funnel.local.TopicProbe.Received;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.MARKETING)
class BehaviourScoringTest {

    /** Fit 35 under the default model: 250 employees (+20), construction (+15). */
    private static final LeadProfile ENGINEER = new LeadProfile("eva@obras.example", "Eva", null, null, "Obras SA",
            "Site engineer", 250, "construction", "ES");

    @Inject
    MutableClock clock;

    private TopicProbe probe;

    @BeforeEach
    void subscribe() {
        probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(), Topics.QUALIFICATION,
                Topics.deadLetter(Topics.ACTIVITIES));
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void engagementLiftsTheScoreOverTheThresholdAndQualifiesOnce() {
        UUID leadId = UUID.randomUUID();
        Instant now = clock.instant();
        probe.publish(new LeadCaptured(leadId, ENGINEER, null, null, null, now.minusSeconds(60)), id());
        await().atMost(Duration.ofSeconds(30)).until(() -> of(leadId, "LeadScored").size() == 1);

        VisitorActivityRecorded demo = activity(leadId, ActivityType.DEMO_REQUEST, now.minusSeconds(30));
        String demoEventId = id();
        probe.publish(demo, demoEventId);
        probe.publish(demo, demoEventId);
        probe.publish(demo, id()); // the same activity again, e.g. re-published after identification
        probe.publish(activity(leadId, ActivityType.PAGE_VIEW, now.minusSeconds(20)), id());

        await().atMost(Duration.ofSeconds(30)).until(() -> of(leadId, "LeadScored").size() == 3);
        LeadScored last = (LeadScored) decode(of(leadId, "LeadScored").get(2));
        assertThat(last.total()).isEqualTo(56);
        assertThat(last.fit()).isEqualTo(35);
        assertThat(last.behaviour()).isEqualTo(21);
        assertThat(last.contributions()).extracting(c -> c.ruleId() + "=" + c.points())
                .containsExactly("fit.size.mid-market=20", "fit.industry.target=15", "behaviour.page-view=1",
                        "behaviour.demo-request=20");
        assertThat(of(leadId, "LeadQualified")).singleElement().satisfies(r -> {
            LeadQualified qualified = (LeadQualified) decode(r);
            assertThat(qualified.score()).isEqualTo(55);
            assertThat(qualified.occurredAt()).isEqualTo(demo.occurredAt());
            assertThat(qualified.explanation()).extracting(c -> c.ruleId()).contains("behaviour.demo-request");
        });
        assertThat(TestDatabase.count("select count(*) from lead_activity where lead_id = '" + leadId + "'"))
                .isEqualTo(2);
        given().get("/api/leads/" + leadId + "/score").then().statusCode(200)
                .body("total", equalTo(56))
                .body("mql", equalTo(true))
                .body("history.size()", equalTo(3))
                .body("history[0].cause", equalTo("VisitorActivityRecorded"))
                .body("explanation.ruleId", hasItem("behaviour.demo-request"));
    }

    @Test
    void activityBeforeTheProfileCountsOnceTheLeadIsKnownAndAnonymousActivityIsIgnored() {
        UUID leadId = UUID.randomUUID();
        Instant now = clock.instant();
        VisitorActivityRecorded anonymous = new VisitorActivityRecorded(UUID.randomUUID(), "visitor-" + leadId, null,
                ActivityType.PRICING_VIEW, "/pricing", null, null, now.minusSeconds(90));
        probe.publish(anonymous, id());
        probe.publish(activity(leadId, ActivityType.WEBINAR_ATTENDED, now.minusSeconds(80)), id());
        probe.publish(new LeadCaptured(leadId, ENGINEER, null, null, null, now.minusSeconds(70)), id());

        // whichever topic is read first, the lead ends at fit 35 + webinar 10
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Received> scored = of(leadId, "LeadScored");
            return !scored.isEmpty() && ((LeadScored) decode(scored.get(scored.size() - 1))).behaviour() == 10;
        });
        given().get("/api/leads/" + leadId + "/score").then().statusCode(200)
                .body("total", equalTo(45))
                .body("behaviour", equalTo(10));
        assertThat(TestDatabase.count("select count(*) from lead_activity where activity_id = '"
                + anonymous.activityId() + "'")).isZero();
    }

    @Test
    void disposableDomainDisqualifiesOnceAndNeverQualifies() {
        UUID leadId = UUID.randomUUID();
        Instant now = clock.instant();
        LeadProfile spam = new LeadProfile("x@mailinator.com", null, null, "600100200", null, "CEO", 250,
                "construction", "ES");
        probe.publish(new LeadCaptured(leadId, spam, null, null, null, now.minusSeconds(60)), id());
        probe.publish(new LeadUpdated(leadId, spam, null, now.minusSeconds(50)), id());
        await().atMost(Duration.ofSeconds(30)).until(() -> of(leadId, "LeadScored").size() == 2);
        probe.publish(activity(leadId, ActivityType.DEMO_REQUEST, now.minusSeconds(40)), id());
        probe.publish(activity(leadId, ActivityType.WEBINAR_ATTENDED, now.minusSeconds(40)), id());

        await().atMost(Duration.ofSeconds(30)).until(() -> of(leadId, "LeadScored").size() == 4);
        assertThat(of(leadId, "LeadDisqualified")).singleElement()
                .satisfies(r -> assertThat(((LeadDisqualified) decode(r)).reason())
                        .startsWith("fit.email.disposable: Disposable e-mail domain mailinator.com"));
        assertThat(((LeadScored) decode(of(leadId, "LeadScored").get(3))).total()).isEqualTo(45);
        assertThat(of(leadId, "LeadQualified")).isEmpty();
    }

    @Test
    void unreadableActivityGoesToTheDeadLetterTopic() {
        probe.send(Topics.ACTIVITIES, "poison", "{\"activityId\":42", Map.of("ce_specversion", "1.0",
                "ce_id", "poison-" + UUID.randomUUID(), "ce_type", "io.funnel.VisitorActivityRecorded.v1",
                "ce_source", "/fuzz"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(probe.records())
                .filteredOn(r -> r.topic().equals(Topics.deadLetter(Topics.ACTIVITIES)))
                .extracting(Received::value).contains("{\"activityId\":42"));
    }

    private static VisitorActivityRecorded activity(UUID leadId, ActivityType type, Instant at) {
        return new VisitorActivityRecorded(UUID.randomUUID(), null, leadId, type, "/page", null, null, at);
    }

    private List<Received> of(UUID leadId, String event) {
        return probe.ofType("io.funnel." + event + ".v1").stream().filter(r -> leadId.toString().equals(r.key()))
                .toList();
    }

    private static io.funnel.events.FunnelEvent decode(Received r) {
        return EventCodec.decode(r.header("ce_type"), r.value());
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
