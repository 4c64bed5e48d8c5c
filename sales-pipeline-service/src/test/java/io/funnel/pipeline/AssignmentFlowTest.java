package io.funnel.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.events.QualificationEvent.LeadScored;
import io.funnel.events.QualificationEvent.PersonaMatched;
import io.funnel.events.QualificationEvent.ScoreContribution;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.pipeline.support.PipelineProbe;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@ExtendWith(PipelineProbe.class)
@WithToken(roles = Roles.SALES_MANAGER)
class AssignmentFlowTest {

    private static final List<ScoreContribution> WHY = List.of(
            new ScoreContribution("fit.title.decision-maker", 25, "Job title 'CEO' is a decision maker"),
            new ScoreContribution("fit.size.mid-market", 30, "Company of 300 employees"));

    /** A fresh one for each test, from {@link PipelineProbe}. */
    private TopicProbe probe;

    @Test
    void mqlIsAssignedToTheDefaultQueueOnceEvenWhenDeliveredTwice() {
        UUID leadId = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-06T18:30:00Z");
        LeadQualified qualified = new LeadQualified(leadId, 55, 50, null, WHY, at);
        String eventId = UUID.randomUUID().toString();
        probe.publish(qualified, eventId);
        probe.publish(qualified, eventId);
        probe.publish(qualified, UUID.randomUUID().toString());
        String scoredEventId = UUID.randomUUID().toString();
        probe.publish(new LeadScored(leadId, 55, 55, 0, WHY, 1, at), scoredEventId);
        String lastEventId = UUID.randomUUID().toString();
        probe.publish(new PersonaMatched(leadId, "Operations lead", at), lastEventId);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestDatabase.count("select count(*) from processed_event where event_id = '" + lastEventId + "'") == 1
                        && TestDatabase.count("select count(*) from outbox_event") == 0);
        assertThat(TestDatabase.count("select count(*) from processed_event where event_id = '" + eventId + "'"))
                .isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from processed_event where event_id = '" + scoredEventId + "'"))
                .as("a score means nothing to the pipeline: acknowledged without a transaction").isZero();
        probe.readToEnd();
        assertThat(assigned(leadId)).isEqualTo(1);
        given().queryParam("queue", "default").get("/api/queue").then().statusCode(200)
                .body("leadId", hasItem(leadId.toString()))
                .body("find { it.leadId == '" + leadId + "' }.score", equalTo(55))
                .body("find { it.leadId == '" + leadId + "' }.explanation[0].ruleId",
                        equalTo("fit.title.decision-maker"));
    }

    private long assigned(UUID leadId) {
        return probe.ofType("io.funnel.LeadAssigned.v1").stream().filter(r -> leadId.toString().equals(r.key()))
                .count();
    }
}
