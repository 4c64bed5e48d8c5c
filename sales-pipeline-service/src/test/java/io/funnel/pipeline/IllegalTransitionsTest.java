package io.funnel.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Transitions the current state forbids: 409 problem+json carrying that state, and nothing changes. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@ExtendWith(PipelineProbe.class)
@WithToken(roles = Roles.SALES_MANAGER)
class IllegalTransitionsTest {

    /** Covered by this class's rep; nobody covers Mongolia, so leads from there wait in the default queue. */
    private static final String COVERED = "KE";
    private static final String UNCOVERED = "MN";

    enum Action {
        CONTACT("/contacts", "{\"channel\":\"CALL\",\"outcome\":\"no answer\"}"),
        ACCEPT("/accept", null),
        REJECT("/reject", "{\"reason\":\"BAD_FIT\"}");

        private final String path;
        private final String body;

        Action(String path, String body) {
            this.path = path;
            this.body = body;
        }

        ValidatableResponse on(UUID leadId) {
            RequestSpecification request = body == null ? given() : given().contentType(ContentType.JSON).body(body);
            return request.post("/api/leads/" + leadId + path).then();
        }
    }

    /** A fresh one for each test, from {@link PipelineProbe}. */
    private TopicProbe probe;

    @BeforeEach
    void aRepForTheLeads() {
        Pipeline.rep("Wanjiru Illegal", COVERED, 50, "Africa/Nairobi");
    }

    @ParameterizedTest(name = "{1} a {0} lead")
    @CsvSource({"QUEUED, CONTACT", "QUEUED, REJECT", "REJECTED, CONTACT", "REJECTED, ACCEPT", "REJECTED, REJECT"})
    void aLeadActionItsStageForbidsIsRefused(String stage, Action action) {
        UUID leadId = "QUEUED".equals(stage) ? Pipeline.assignedLead(probe, UNCOVERED, "ads") : decided(Action.REJECT);
        int version = given().get("/api/leads/" + leadId).then().body("stage", equalTo(stage))
                .extract().<Integer>path("version");

        refused(action.on(leadId)).body("leadId", equalTo(leadId.toString())).body("stage", equalTo(stage));
        given().get("/api/leads/" + leadId).then().body("stage", equalTo(stage)).body("version", equalTo(version));
    }

    @Test
    void aSecondOpportunityOnTheSameLeadIsRefused() {
        UUID leadId = decided(Action.ACCEPT);
        open(leadId).statusCode(201);
        refused(open(leadId)).body("leadId", equalTo(leadId.toString())).body("stage", equalTo("OPPORTUNITY"));
        given().queryParam("lead", leadId).get("/api/opportunities").then().body("size()", equalTo(1));
    }

    @ParameterizedTest(name = "{0} {1} of a lost opportunity")
    @CsvSource(delimiter = '|', value = {"PUT | /stage | {\"stage\":\"negotiation\"}",
            "POST | /lost | {\"reason\":\"price\"}"})
    void aLostOpportunityCannotChange(String method, String action, String body) {
        String opportunity = open(decided(Action.ACCEPT)).statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("{\"reason\":\"went with a competitor\"}")
                .post("/api/opportunities/" + opportunity + "/lost").then().statusCode(200);

        refused(given().contentType(ContentType.JSON).body(body)
                .request(method, "/api/opportunities/" + opportunity + action).then())
                .body("opportunityId", equalTo(opportunity)).body("opportunityStatus", equalTo("LOST"))
                .body("stage", equalTo("discovery"));
        given().get("/api/opportunities/" + opportunity).then().body("status", equalTo("LOST"))
                .body("stage", equalTo("discovery")).body("lostReason", equalTo("went with a competitor"));
    }

    @Test
    void aWinWithANegativeAmountIsUnprocessable() {
        String opportunity = open(decided(Action.ACCEPT)).statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("{\"amount\":-1}")
                .post("/api/opportunities/" + opportunity + "/won").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("amount"));
        given().get("/api/opportunities/" + opportunity).then().body("status", equalTo("OPEN"));
    }

    /** A lead this class's rep has accepted or rejected. */
    private UUID decided(Action decision) {
        UUID leadId = Pipeline.assignedLead(probe, COVERED, "ads");
        decision.on(leadId).statusCode(200);
        return leadId;
    }

    private static ValidatableResponse open(UUID leadId) {
        return given().contentType(ContentType.JSON).body("""
                        {"leadId":"%s","amount":5000,"currency":"KES","expectedCloseDate":"2026-06-30",
                         "stage":"discovery"}""".formatted(leadId))
                .post("/api/opportunities").then();
    }

    /** A 409 whose state members leave the problem's own alone: one "status", the 409. */
    private static ValidatableResponse refused(ValidatableResponse response) {
        response.statusCode(409).contentType("application/problem+json").body("status", equalTo(409));
        String body = response.extract().asString();
        assertThat(body.split("\"status\"", -1)).as(body).hasSize(2);
        return response;
    }
}
