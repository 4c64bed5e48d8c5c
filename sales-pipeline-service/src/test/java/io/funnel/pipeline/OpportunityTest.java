package io.funnel.pipeline;

import static io.funnel.pipeline.support.Pipeline.events;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.funnel.events.LeadEvent.LeadErased;
import io.funnel.events.PipelineEvent.ObjectionLogged;
import io.funnel.events.PipelineEvent.OpportunityLost;
import io.funnel.events.PipelineEvent.OpportunityOpened;
import io.funnel.events.PipelineEvent.OpportunityStageChanged;
import io.funnel.events.PipelineEvent.OpportunityWon;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.pipeline.support.Pipeline;
import io.funnel.pipeline.support.PipelineProbe;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@ExtendWith(PipelineProbe.class)
@WithToken(roles = Roles.SALES_MANAGER)
class OpportunityTest {

    /** A fresh one for each test, from {@link PipelineProbe}. */
    private TopicProbe probe;

    @BeforeEach
    void aRepForTheLeads() {
        Pipeline.rep("Mia Deals", "AR", 50, "America/Argentina/Buenos_Aires");
    }

    @Test
    void anAcceptedLeadBecomesACustomerThroughItsOpportunity() {
        UUID leadId = acceptedLead();
        String opportunity = open(leadId, "12000.50", "EUR").statusCode(201)
                .body("status", equalTo("OPEN")).body("stage", equalTo("discovery")).extract().path("id");
        given().get("/api/leads/" + leadId).then().body("stage", equalTo("OPPORTUNITY"));
        put(opportunity, "/stage", "{\"stage\":\"proposal\"}").statusCode(200).body("stage", equalTo("proposal"));
        put(opportunity, "/stage", "{\"stage\":\"proposal\"}").statusCode(200);
        given().contentType(ContentType.JSON).body("{\"leadId\":\"" + leadId + "\",\"opportunityId\":\"" + opportunity
                        + "\",\"category\":\"price\",\"text\":\"Competitor is 20% cheaper\"}")
                .post("/api/objections").then().statusCode(201).body("category", equalTo("price"));
        post(opportunity, "/won", "{\"amount\":11000}").statusCode(200).body("status", equalTo("WON"))
                .body("wonAmount", equalTo(11000));
        given().get("/api/leads/" + leadId).then().body("stage", equalTo("CUSTOMER"));

        post(opportunity, "/won", "{}").statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409)).body("opportunityStatus", equalTo("WON"));
        post(opportunity, "/lost", "{\"reason\":\"price\"}").statusCode(409)
                .body("opportunityStatus", equalTo("WON"));
        put(opportunity, "/stage", "{\"stage\":\"negotiation\"}").statusCode(409);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(events(probe, OpportunityOpened.class, leadId)).singleElement().satisfies(e -> {
                assertThat(e.amount()).isEqualByComparingTo(new BigDecimal("12000.50"));
                assertThat(e.currency()).isEqualTo("EUR");
            });
            assertThat(events(probe, OpportunityStageChanged.class, leadId)).singleElement()
                    .satisfies(e -> assertThat(e.stage()).isEqualTo("proposal"));
            assertThat(events(probe, ObjectionLogged.class, leadId)).singleElement()
                    .satisfies(e -> assertThat(e.category()).isEqualTo("price"));
            assertThat(events(probe, OpportunityWon.class, leadId)).singleElement().satisfies(e -> {
                assertThat(e.amount()).isEqualByComparingTo("11000");
                assertThat(e.currency()).isEqualTo("EUR");
            });
        });
    }

    @Test
    void aLostOpportunityKeepsItsReasonAndCannotBeWon() {
        UUID leadId = acceptedLead();
        String opportunity = open(leadId, "900", "usd").statusCode(422).body("errors.field", hasItem("currency"))
                .extract().path("id");
        assertThat(opportunity).isNull();
        opportunity = open(leadId, "900", "USD").statusCode(201).extract().path("id");
        post(opportunity, "/lost", "{\"objection\":\"no reason\"}").statusCode(422)
                .body("errors.field", hasItem("reason"));
        post(opportunity, "/lost", "{\"reason\":\"went with a competitor\",\"objection\":\"missing BIM export\"}")
                .statusCode(200).body("status", equalTo("LOST"));
        post(opportunity, "/won", "{\"amount\":900}").statusCode(409).body("status", equalTo(409))
                .body("opportunityStatus", equalTo("LOST"));
        given().get("/api/leads/" + leadId).then().body("stage", equalTo("LOST"));
        given().queryParam("lead", leadId).get("/api/opportunities").then().body("status", hasItem("LOST"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events(probe, OpportunityLost.class, leadId)).singleElement().satisfies(e -> {
                    assertThat(e.reason()).isEqualTo("went with a competitor");
                    assertThat(e.objection()).isEqualTo("missing BIM export");
                }));
    }

    @Test
    void erasingTheLeadBlanksWhatRepsTypedButKeepsTheOutcome() {
        UUID leadId = Pipeline.assignedLead(probe, "AR", "ads");
        given().contentType(ContentType.JSON).body("{\"channel\":\"CALL\",\"outcome\":\"spoke to Laura\","
                + "\"note\":\"Laura's mobile is 600 000 000\"}").post("/api/leads/" + leadId + "/contacts")
                .then().statusCode(201);
        given().post("/api/leads/" + leadId + "/accept").then().statusCode(200);
        String opportunity = open(leadId, "500", "EUR").statusCode(201).extract().path("id");
        post(opportunity, "/lost", "{\"reason\":\"price\",\"objection\":\"Laura says too expensive\"}")
                .statusCode(200);
        given().contentType(ContentType.JSON).body("{\"leadId\":\"" + leadId + "\",\"category\":\"price\","
                + "\"text\":\"Laura compared us with X\"}").post("/api/objections").then().statusCode(201);

        probe.publish(new LeadErased(leadId, Instant.parse("2026-03-02T10:00:00Z")), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/api/leads/" + leadId + "/contacts").then().body("[0].note", nullValue())
                    .body("[0].outcome", nullValue()).body("[0].channel", equalTo("CALL"));
            given().queryParam("lead", leadId).get("/api/objections").then().body("[0].text", nullValue())
                    .body("[0].category", equalTo("price"));
            given().get("/api/opportunities/" + opportunity).then().body("objection", nullValue())
                    .body("lostReason", equalTo("price")).body("status", equalTo("LOST"));
        });
    }

    @Test
    void badOpportunitiesAreRefused() {
        UUID assigned = Pipeline.assignedLead(probe, "AR", "ads");
        open(assigned, "1000", "EUR").statusCode(409).body("stage", equalTo("ASSIGNED"));
        UUID leadId = acceptedLead();
        open(leadId, "-5", "EUR").statusCode(422).body("errors.field", hasItem("amount"));
        open(leadId, "0", "EUR").statusCode(422).body("errors.field", hasItem("amount"));
        open(leadId, "10", "XYZ").statusCode(422).body("errors.field", hasItem("currency"));
        open(UUID.randomUUID(), "10", "EUR").statusCode(422).body("errors.field", hasItem("leadId"));
        given().contentType(ContentType.JSON).body("{\"leadId\":\"" + leadId + "\",\"amount\":10,\"currency\":\"EUR\"}")
                .post("/api/opportunities").then().statusCode(422)
                .body("errors.field", hasItem("expectedCloseDate"));
        post(UUID.randomUUID().toString(), "/won", "{}").statusCode(404);
        given().contentType(ContentType.JSON).body("{\"leadId\":\"" + leadId + "\",\"text\":\"?\"}")
                .post("/api/objections").then().statusCode(422).body("errors.field", hasItem("category"));
        given().contentType(ContentType.JSON).body("{\"leadId\":\"" + UUID.randomUUID() + "\",\"category\":\"x\"}")
                .post("/api/objections").then().statusCode(422).body("errors.field", hasItem("leadId"));
        given().get("/api/leads/" + leadId).then().body("stage", equalTo("ACCEPTED"));
    }

    private UUID acceptedLead() {
        UUID leadId = Pipeline.assignedLead(probe, "AR", "ads");
        given().post("/api/leads/" + leadId + "/accept").then().statusCode(200);
        return leadId;
    }

    private static ValidatableResponse open(UUID leadId, String amount, String currency) {
        return given().contentType(ContentType.JSON).body("""
                        {"leadId":"%s","amount":%s,"currency":"%s","expectedCloseDate":"2026-06-30",
                         "stage":"discovery"}""".formatted(leadId, amount, currency))
                .post("/api/opportunities").then();
    }

    private static ValidatableResponse post(String opportunity, String action, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/opportunities/" + opportunity + action)
                .then();
    }

    private static ValidatableResponse put(String opportunity, String action, String body) {
        return given().contentType(ContentType.JSON).body(body).put("/api/opportunities/" + opportunity + action)
                .then();
    }
}
