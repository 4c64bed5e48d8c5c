package io.funnel.pipeline;

import static io.funnel.pipeline.support.Pipeline.events;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.funnel.events.AgreementEvent.AgreementUpdated;
import io.funnel.events.PipelineEvent.LeadAssigned;
import io.funnel.events.PipelineEvent.SlaAtRisk;
import io.funnel.events.PipelineEvent.SlaBreached;
import io.funnel.events.PipelineEvent.SlaKind;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.pipeline.domain.SlaWatch;
import io.funnel.pipeline.support.MovableClock;
import io.funnel.pipeline.support.Pipeline;
import io.funnel.pipeline.support.PipelineProbe;
import io.funnel.pipeline.support.Sql;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@ExtendWith(PipelineProbe.class)
@WithToken(roles = Roles.SALES_MANAGER)
class SlaTest {

    private static final MovableClock CLOCK = MovableClock.INSTANCE;

    @Inject
    SlaWatch watch;

    /** A fresh one for each test, from {@link PipelineProbe}. */
    private TopicProbe probe;

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    @Test
    void eachWindowIsWarnedAtRiskThenBreachedExactlyOnce() {
        Pipeline.rep("Nora Sla", "GR", 10);
        // Monday 09:00 in Madrid; defaults: first contact in 4 working hours, a decision in 5 working days.
        UUID leadId = Pipeline.assignedLead(probe, "GR", "ads");
        given().get("/api/leads/" + leadId).then()
                .body("firstContactDue", equalTo("2026-03-02T12:00:00Z"))
                .body("decisionDue", equalTo("2026-03-06T16:00:00Z"));

        CLOCK.set(Instant.parse("2026-03-02T11:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events(probe, SlaAtRisk.class, leadId)).singleElement()
                        .satisfies(e -> assertThat(e.kind()).isEqualTo(SlaKind.FIRST_CONTACT)));
        CLOCK.set(Instant.parse("2026-03-02T12:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events(probe, SlaBreached.class, leadId)).singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(SlaKind.FIRST_CONTACT);
                    assertThat(e.dueAt()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
                }));

        given().contentType("application/json").body("{\"channel\":\"CALL\",\"outcome\":\"late but reached\"}")
                .post("/api/leads/" + leadId + "/contacts").then().statusCode(201);
        CLOCK.set(Instant.parse("2026-03-05T14:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events(probe, SlaAtRisk.class, leadId)).extracting(SlaAtRisk::kind)
                        .containsExactly(SlaKind.FIRST_CONTACT, SlaKind.DECISION));
        CLOCK.set(Instant.parse("2026-03-06T16:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events(probe, SlaBreached.class, leadId)).extracting(SlaBreached::kind)
                        .containsExactly(SlaKind.FIRST_CONTACT, SlaKind.DECISION));

        CLOCK.set(Instant.parse("2026-03-20T16:00:00Z"));
        watch.check().await().atMost(Duration.ofSeconds(20));
        watch.check().await().atMost(Duration.ofSeconds(20));
        Pipeline.awaitOutboxEmpty();
        probe.readToEnd();
        assertThat(events(probe, SlaAtRisk.class, leadId)).hasSize(2);
        assertThat(events(probe, SlaBreached.class, leadId)).hasSize(2);
    }

    @Test
    void aFridayEveningMqlIsDueOnMondayUnderTheAgreementInForce() {
        Pipeline.rep("Omar Sla", "CY", 10);
        String inForce = UUID.randomUUID().toString();
        probe.publish(agreement(41, 2, 3, "2026-03-06T00:00:00Z"), inForce);
        probe.publish(agreement(41, 2, 3, "2026-03-06T00:00:00Z"), inForce);
        String notYet = UUID.randomUUID().toString();
        probe.publish(agreement(42, 8, 10, "2026-04-01T00:00:00Z"), notYet);
        Pipeline.awaitProcessed(notYet);
        Pipeline.awaitProcessed(inForce);

        // Friday 6 March 2026, 19:30 in Madrid: after hours. 2 working hours → Monday 11:00; 3 days → Wednesday 17:00.
        CLOCK.set(Instant.parse("2026-03-06T18:30:00Z"));
        UUID leadId = Pipeline.assignedLead(probe, "CY", "ads");
        given().get("/api/leads/" + leadId).then()
                .body("firstContactDue", equalTo("2026-03-09T10:00:00Z"))
                .body("decisionDue", equalTo("2026-03-11T16:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events(probe, LeadAssigned.class, leadId)).singleElement()
                        .satisfies(e -> assertThat(e.firstContactDue())
                                .isEqualTo(Instant.parse("2026-03-09T10:00:00Z"))));

        // The weekend passes without a breach: working hours have not started yet.
        CLOCK.set(Instant.parse("2026-03-09T07:59:00Z"));
        watch.check().await().atMost(Duration.ofSeconds(20));
        Pipeline.awaitOutboxEmpty();
        probe.readToEnd();
        assertThat(events(probe, SlaBreached.class, leadId)).isEmpty();
        assertThat(events(probe, SlaAtRisk.class, leadId)).isEmpty();
    }

    @Test
    void aNewYorkRepIsDueInItsOwnWorkingHoursAndTimeZone() {
        String nate = Pipeline.rep("Nate Sla", "US", 10, "America/New_York");
        // Thursday 5 March 2026, 15:00 in New York (before any agreement, so 4 working hours and 5 working days).
        CLOCK.set(Instant.parse("2026-03-05T20:00:00Z"));
        UUID leadId = Pipeline.assignedLead(probe, "US", "ads");

        // 2 hours left on Thursday, 2 more on Friday: 11:00 EST (a Madrid rep would be due at 12:00 UTC).
        // 40 working hours cross the weekend and the switch to daylight saving time: Thursday 12 March, 15:00 EDT.
        given().get("/api/leads/" + leadId).then().body("repId", equalTo(nate))
                .body("firstContactDue", equalTo("2026-03-06T16:00:00Z"))
                .body("decisionDue", equalTo("2026-03-12T19:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events(probe, LeadAssigned.class, leadId)).singleElement()
                        .satisfies(e -> assertThat(e.firstContactDue())
                                .isEqualTo(Instant.parse("2026-03-06T16:00:00Z"))));
    }

    @Test
    void timersStoredBeforeARestartStillFire() {
        // A lead the previous run assigned: its first-contact deadline passed while the service was down.
        UUID leadId = UUID.randomUUID();
        UUID repId = UUID.randomUUID();
        Sql.execute("""
                insert into pipeline_lead (lead_id, stage, queue, rep_id, score, qualified_at, assigned_at,
                    first_contact_due, first_contact_risk_at, decision_due, decision_risk_at, next_due, version)
                values ('%s', 'ASSIGNED', 'default', '%s', 60, '2026-02-26T10:00:00Z', '2026-02-27T08:00:00Z',
                    '2026-02-27T12:00:00Z', '2026-02-27T11:00:00Z', '2026-03-06T08:00:00Z', '2026-03-05T08:00:00Z',
                    '2026-02-27T12:00:00Z', 0)""".formatted(leadId, repId));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events(probe, SlaBreached.class, leadId)).singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(SlaKind.FIRST_CONTACT);
                    assertThat(e.repId()).isEqualTo(repId);
                    assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-02-27T12:00:00Z"));
                }));
        // Too late to warn: the breach is reported, not a stale "at risk".
        assertThat(events(probe, SlaAtRisk.class, leadId)).isEmpty();
        assertThat(TestDatabase.count("select count(*) from pipeline_lead where lead_id = '" + leadId
                + "' and first_contact_breached_at is not null")).isEqualTo(1);
    }

    private static AgreementUpdated agreement(int version, int firstContactHours, int decisionDays,
            String effectiveFrom) {
        return new AgreementUpdated(version, 50, null, 100, new BigDecimal("0.5"), firstContactHours, decisionDays,
                new BigDecimal("100000"), "EUR", "Marketing lead", "Sales lead", Instant.parse(effectiveFrom),
                Instant.parse("2026-03-01T00:00:00Z"));
    }
}
