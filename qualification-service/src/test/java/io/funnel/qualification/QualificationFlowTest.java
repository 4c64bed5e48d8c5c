package io.funnel.qualification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.funnel.events.EventCodec;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.events.LeadEvent.LeadUpdated;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import io.funnel.local.TopicProbe.Received;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
class QualificationFlowTest {

    private static final LeadProfile DECISION_MAKER = new LeadProfile("ana@obras.example", "Ana", "Ruiz", null,
            "Obras SA", "Head of Operations", 250, "construction", "ES");
    private static final LeadProfile STUDENT = new LeadProfile("leo@gmail.com", "Leo", null, null, null, "Student",
            null, null, "MX");

    private TopicProbe probe;

    @BeforeEach
    void subscribe() {
        probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(), Topics.QUALIFICATION,
                Topics.deadLetter(Topics.LEADS));
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void leadAtTheThresholdBecomesMqlOnceWithItsExplanation() {
        UUID leadId = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        String eventId = UUID.randomUUID().toString();
        probe.publish(new LeadCaptured(leadId, DECISION_MAKER, null, null, null, at), eventId);
        probe.publish(new LeadCaptured(leadId, DECISION_MAKER, null, null, null, at), eventId);
        probe.publish(new LeadUpdated(leadId, DECISION_MAKER, null, at.plusSeconds(60)), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> scoredEvents(leadId).size() == 2);
        List<Received> qualified = ofLead(probe.ofType("io.funnel.LeadQualified.v1"), leadId);
        assertThat(qualified).singleElement().satisfies(r -> {
            LeadQualified event = (LeadQualified) EventCodec.decode(r.header("ce_type"), r.value());
            assertThat(event.score()).isEqualTo(60);
            assertThat(event.threshold()).isEqualTo(50);
            assertThat(event.occurredAt()).isEqualTo(at);
            assertThat(event.explanation()).extracting(c -> c.ruleId())
                    .containsExactly("fit.title.decision-maker", "fit.size.mid-market", "fit.industry.target");
        });
        given().get("/api/leads/" + leadId + "/score").then().statusCode(200)
                .body("total", equalTo(60))
                .body("mql", equalTo(true))
                .body("explanation.ruleId", hasItem("fit.industry.target"));
    }

    @Test
    void lowScoreIsScoredButNotQualified() {
        UUID leadId = UUID.randomUUID();
        probe.publish(new LeadCaptured(leadId, STUDENT, null, null, null, Instant.now()), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> scoredEvents(leadId).size() == 1);
        assertThat(ofLead(probe.ofType("io.funnel.LeadQualified.v1"), leadId)).isEmpty();
        given().get("/api/leads/" + leadId + "/score").then().statusCode(200)
                .body("total", equalTo(-35))
                .body("mql", equalTo(false));
    }

    @Test
    void olderProfileArrivingLateDoesNotOverwriteTheNewerOne() {
        UUID leadId = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        probe.publish(new LeadUpdated(leadId, STUDENT, null, at.plusSeconds(600)), UUID.randomUUID().toString());
        probe.publish(new LeadCaptured(leadId, DECISION_MAKER, null, null, null, at), UUID.randomUUID().toString());
        probe.publish(new LeadUpdated(leadId, STUDENT, null, at.plusSeconds(900)), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> scoredEvents(leadId).size() == 2);
        given().get("/api/leads/" + leadId + "/score").then().statusCode(200)
                .body("total", equalTo(-35))
                .body("mql", equalTo(false));
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        probe.send(Topics.LEADS, "poison", "{not json", Map.of("ce_specversion", "1.0", "ce_id", "p-1",
                "ce_type", "io.funnel.LeadCaptured.v1", "ce_source", "/fuzz"));
        probe.send(Topics.LEADS, "poison", "no headers at all", Map.of());
        UUID leadId = UUID.randomUUID();
        probe.publish(new LeadCaptured(leadId, STUDENT, null, null, null, Instant.now()), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(probe.records()).filteredOn(r -> r.topic().equals(Topics.deadLetter(Topics.LEADS)))
                    .extracting(Received::value).contains("{not json", "no headers at all");
            assertThat(scoredEvents(leadId)).hasSize(1);
        });
        assertThat(probe.records()).filteredOn(r -> r.topic().equals(Topics.deadLetter(Topics.LEADS)))
                .allSatisfy(r -> assertThat(r.header("dead-letter-reason")).isNotBlank());
    }

    private List<Received> scoredEvents(UUID leadId) {
        return ofLead(probe.ofType("io.funnel.LeadScored.v1"), leadId);
    }

    private static List<Received> ofLead(List<Received> records, UUID leadId) {
        return records.stream().filter(r -> leadId.toString().equals(r.key())).toList();
    }
}
