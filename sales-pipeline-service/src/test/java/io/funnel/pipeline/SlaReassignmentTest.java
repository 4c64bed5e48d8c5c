package io.funnel.pipeline;

import static io.funnel.pipeline.support.Pipeline.events;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.funnel.events.PipelineEvent.LeadAssigned;
import io.funnel.events.PipelineEvent.SlaBreached;
import io.funnel.events.PipelineEvent.SlaKind;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.pipeline.domain.SlaWatch;
import io.funnel.pipeline.support.MovableClock;
import io.funnel.pipeline.support.Pipeline;
import io.funnel.pipeline.support.PipelineProbe;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code reassign-on-breach} on: a missed first contact hands the lead to another rep the rules allow. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@ExtendWith(PipelineProbe.class)
@WithToken(roles = Roles.SALES_MANAGER)
@TestProfile(SlaReassignmentTest.ReassignOnBreach.class)
class SlaReassignmentTest {

    public static class ReassignOnBreach implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("funnel.pipeline.sla.reassign-on-breach", "true");
        }
    }

    private static final MovableClock CLOCK = MovableClock.INSTANCE;
    /** Assigned Monday 2 March 2026 at 09:00 in Madrid: first contact due 4 working hours later, 13:00. */
    private static final Instant FIRST_CONTACT_DUE = Instant.parse("2026-03-02T12:00:00Z");

    @Inject
    SlaWatch watch;

    /** A fresh one for each test, from {@link PipelineProbe}. */
    private TopicProbe probe;

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    @Test
    void aMissedFirstContactGoesToAnotherRepOfTheRuleWithFreshTimers() {
        String source = "breach-" + UUID.randomUUID();
        String ada = Pipeline.rep("Ada Breach", "LU", 5);
        String bruno = Pipeline.rep("Bruno Breach", "LU", 5);
        Pipeline.ruleForSource(source, "luxembourg", ada, bruno);
        UUID leadId = Pipeline.assignedLead(probe, "LU", source);
        String late = Pipeline.repOf(leadId);
        String other = late.equals(ada) ? bruno : ada;

        CLOCK.set(FIRST_CONTACT_DUE);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events(probe, LeadAssigned.class, leadId)).extracting(e -> e.repId().toString())
                        .containsExactly(late, other));
        assertThat(events(probe, SlaBreached.class, leadId)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SlaKind.FIRST_CONTACT);
            assertThat(e.repId().toString()).isEqualTo(late);
        });
        // Handed over at 13:00 in Madrid: four working hours from then, 17:00.
        assertThat(events(probe, LeadAssigned.class, leadId).get(1).firstContactDue())
                .isEqualTo(Instant.parse("2026-03-02T16:00:00Z"));
        given().get("/api/leads/" + leadId).then().body("repId", equalTo(other)).body("stage", equalTo("ASSIGNED"))
                .body("firstContactDue", equalTo("2026-03-02T16:00:00Z"));
        given().get("/api/reps/" + late).then().body("openLeads", equalTo(0));
    }

    @Test
    void aMissedFirstContactStaysWithTheRepWhenNoOtherCanTakeIt() {
        String source = "breach-" + UUID.randomUUID();
        String carmen = Pipeline.rep("Carmen Breach", "MT", 5);
        Pipeline.ruleForSource(source, "malta", carmen);
        UUID leadId = Pipeline.assignedLead(probe, "MT", source);

        CLOCK.set(FIRST_CONTACT_DUE);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events(probe, SlaBreached.class, leadId)).singleElement()
                        .satisfies(e -> assertThat(e.kind()).isEqualTo(SlaKind.FIRST_CONTACT)));
        watch.check().await().atMost(Duration.ofSeconds(20));
        Pipeline.awaitOutboxEmpty();
        probe.readToEnd();
        assertThat(events(probe, LeadAssigned.class, leadId)).hasSize(1);
        given().get("/api/leads/" + leadId).then().body("repId", equalTo(carmen)).body("stage", equalTo("ASSIGNED"))
                .body("firstContactDue", equalTo(FIRST_CONTACT_DUE.toString()));
    }
}
