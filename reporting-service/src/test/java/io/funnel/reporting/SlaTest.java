package io.funnel.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.funnel.events.PipelineEvent.ContactChannel;
import io.funnel.events.PipelineEvent.LeadAccepted;
import io.funnel.events.PipelineEvent.LeadAssigned;
import io.funnel.events.PipelineEvent.LeadContacted;
import io.funnel.events.PipelineEvent.LeadRejected;
import io.funnel.events.PipelineEvent.RejectionReason;
import io.funnel.events.PipelineEvent.SlaBreached;
import io.funnel.events.PipelineEvent.SlaKind;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * This class owns 2023. Agreement from 2023-01-01: 3 MQLs a month, 50 % accepted, first contact within 4 hours.
 * May: M1 MQL, assigned R1 due +4h, contacted +1.5h, accepted; M2 assigned R1, contacted +6h (late, breach),
 * rejected; M3 assigned R2 without a due time (agreement: +4h), contacted +2h, undecided.
 * June: M4 assigned R2, never contacted (first-contact breach), decision breach, accepted.
 * Hours to first contact 1.5, 6, 2 → median 2, p90 5.2; within the SLA 2 of 4 measured.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.REVENUE_OPS)
class SlaTest {

    private static boolean published;

    private static final UUID R1 = UUID.randomUUID();
    private static final UUID R2 = UUID.randomUUID();

    /** Once per class, after the application started (a static @BeforeAll would run before it listens). */
    @BeforeEach
    void publishScenarioOnce() {
        if (published) {
            return;
        }
        published = true;
        given().contentType(ContentType.JSON)
                .body(AgreementTest.body("sla-marketing", "sla-sales", 3).replace("2026-01-01", "2023-01-01")
                        .replace("0.6", "0.5"))
                .put("/api/agreement").then().statusCode(200);
        Scenario s = new Scenario(Instant.parse("2023-05-01T00:00:00Z"));
        UUID m1 = UUID.randomUUID();
        UUID m2 = UUID.randomUUID();
        UUID m3 = UUID.randomUUID();
        UUID m4 = UUID.randomUUID();
        double may2 = 24 + 10;
        double may10 = 9 * 24 + 9;
        double may20 = 19 * 24 + 8;
        double june5 = 35 * 24 + 8;
        SlaBreached lateM2 = new SlaBreached(m2, R1, SlaKind.FIRST_CONTACT, s.hours(may10 + 4), s.hours(may10 + 4));
        s.add(new LeadQualified(m1, 60, 50, null, List.of(), s.hours(may2)),
                new LeadAssigned(m1, R1, "default", s.hours(may2 + 4), s.hours(may2)),
                new LeadContacted(m1, R1, ContactChannel.CALL, "talked", s.hours(may2 + 1.5)),
                new LeadContacted(m1, R1, ContactChannel.EMAIL, "follow-up", s.hours(may2 + 30)),
                new LeadAccepted(m1, R1, s.hours(may2 + 24)),
                new LeadQualified(m2, 60, 50, null, List.of(), s.hours(may10)),
                new LeadAssigned(m2, R1, "default", s.hours(may10 + 4), s.hours(may10)),
                lateM2, lateM2,
                new LeadContacted(m2, R1, ContactChannel.CALL, "talked", s.hours(may10 + 6)),
                new LeadRejected(m2, R1, RejectionReason.NO_NEED, null, s.hours(may10 + 48)),
                new LeadQualified(m3, 60, 50, null, List.of(), s.hours(may20)),
                new LeadAssigned(m3, R2, "default", null, s.hours(may20)),
                new LeadContacted(m3, R2, ContactChannel.CALL, "voicemail", s.hours(may20 + 2)),
                new LeadQualified(m4, 60, 50, null, List.of(), s.hours(june5)),
                new LeadAssigned(m4, R2, "default", s.hours(june5 + 4), s.hours(june5)),
                new SlaBreached(m4, R2, SlaKind.FIRST_CONTACT, s.hours(june5 + 4), s.hours(june5 + 4)),
                new SlaBreached(m4, R2, SlaKind.DECISION, s.hours(june5 + 7 * 24), s.hours(june5 + 7 * 24)),
                new LeadAccepted(m4, R2, s.hours(june5 + 15 * 24)));
        s.publish(5);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("from", "2023-05-01").queryParam("to", "2023-07-31").get("/api/sla")
                .then().statusCode(200)
                .body("marketing.mqlsDelivered", contains(3, 1, 0))
                .body("marketing.accepted", contains(1, 1, 0))
                .body("sales.contacted", equalTo(3))
                .body("sales.breachesByRep.total.sum()", equalTo(3)));
    }

    @Test
    void marketingDeliveredAgainstThePromise() {
        given().queryParam("from", "2023-05-01").queryParam("to", "2023-07-31").get("/api/sla")
                .then().statusCode(200)
                .body("marketing.month", contains("2023-05", "2023-06", "2023-07"))
                .body("marketing.mqlsDelivered", contains(3, 1, 0))
                .body("marketing.mqlsPromised", contains(3, 3, 3))
                .body("marketing.volumeMet", contains(true, false, false))
                .body("marketing.accepted", contains(1, 1, 0))
                .body("marketing.rejected", contains(1, 0, 0))
                .body("marketing.undecided", contains(1, 0, 0))
                .body("marketing.acceptedShare", contains(0.5f, 1.0f, 0.0f))
                .body("marketing.acceptedSharePromised", contains(0.5f, 0.5f, 0.5f))
                .body("marketing.qualityMet", contains(true, true, false));
    }

    @Test
    void salesContactWithinTheSlaAndBreachesByRep() {
        given().queryParam("from", "2023-05-01").queryParam("to", "2023-07-31").get("/api/sla")
                .then().statusCode(200)
                .body("sales.assigned", equalTo(4))
                .body("sales.contacted", equalTo(3))
                .body("sales.measured", equalTo(4))
                .body("sales.contactedWithinSla", equalTo(2))
                .body("sales.shareWithinSla", equalTo(0.5f))
                .body("sales.medianHoursToFirstContact", equalTo(2.0f))
                .body("sales.p90HoursToFirstContact", equalTo(5.2f))
                .body("sales.breachesByRep.find { it.repId == '" + R1 + "' }.firstContact", equalTo(1))
                .body("sales.breachesByRep.find { it.repId == '" + R1 + "' }.total", equalTo(1))
                .body("sales.breachesByRep.find { it.repId == '" + R2 + "' }.firstContact", equalTo(1))
                .body("sales.breachesByRep.find { it.repId == '" + R2 + "' }.decision", equalTo(1))
                .body("sales.breachesByRep.find { it.repId == '" + R2 + "' }.total", equalTo(2));

        given().queryParam("from", "2023-06-01").queryParam("to", "2023-06-30").get("/api/sla")
                .then().statusCode(200)
                .body("marketing.month", contains("2023-06"))
                .body("sales.assigned", equalTo(1))
                .body("sales.measured", equalTo(1))
                .body("sales.shareWithinSla", equalTo(0.0f))
                .body("sales.breachesByRep.repId", contains(R2.toString()));
    }

    @Test
    void anEmptyPeriodGivesZerosAndBadDatesAre400() {
        given().queryParam("from", "1998-01-01").queryParam("to", "1998-01-31").get("/api/sla")
                .then().statusCode(200)
                .body("marketing.month", contains("1998-01"))
                .body("marketing[0].agreementVersion", nullValue())
                .body("marketing[0].mqlsDelivered", equalTo(0))
                .body("marketing[0].acceptedShare", equalTo(0.0f))
                .body("sales.assigned", equalTo(0))
                .body("sales.shareWithinSla", equalTo(0.0f))
                .body("sales.medianHoursToFirstContact", equalTo(0.0f))
                .body("sales.breachesByRep.size()", equalTo(0));
        given().queryParam("from", "2023-07-01").queryParam("to", "2023-06-01").get("/api/sla")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("from", "May").get("/api/sla")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
    }
}
