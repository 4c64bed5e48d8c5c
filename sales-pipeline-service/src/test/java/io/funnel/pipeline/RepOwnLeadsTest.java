package io.funnel.pipeline;

import static io.funnel.pipeline.support.Callers.manager;
import static io.funnel.pipeline.support.Callers.rep;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import io.funnel.pipeline.support.Pipeline;
import io.funnel.pipeline.support.PipelineProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A rep (role sales) is the rep with their token's e-mail and sees only the leads assigned to them. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@ExtendWith(PipelineProbe.class)
class RepOwnLeadsTest {

    /** Covered by this class's reps only. */
    private static final String COUNTRY = "FI";

    /** A fresh one for each test, from {@link PipelineProbe}. */
    private TopicProbe probe;
    private String alma;
    private String bea;
    private String almaEmail;
    private String beaEmail;
    private UUID almasLead;
    private UUID beasLead;

    /** Alma and Bea, each with one lead routed to them by a rule of its own. */
    @BeforeEach
    void twoRepsWithALeadEach() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        almaEmail = Pipeline.email("Alma Own " + suffix);
        beaEmail = Pipeline.email("Bea Own " + suffix);
        alma = Pipeline.rep(manager(), "Alma Own " + suffix, COUNTRY, 10, "Europe/Helsinki");
        bea = Pipeline.rep(manager(), "Bea Own " + suffix, COUNTRY, 10, "Europe/Helsinki");
        Pipeline.ruleForSource(manager(), "alma-" + suffix, "finland", alma);
        Pipeline.ruleForSource(manager(), "bea-" + suffix, "finland", bea);
        almasLead = Pipeline.assignedLead(probe, COUNTRY, "alma-" + suffix);
        beasLead = Pipeline.assignedLead(probe, COUNTRY, "bea-" + suffix);
    }

    @Test
    void aRepsQueueShowsOnlyTheirOwnLeads() {
        rep(almaEmail).get("/api/queue").then().statusCode(200).body("leadId", contains(almasLead.toString()));
        rep(almaEmail).queryParam("rep", alma).get("/api/queue").then().statusCode(200)
                .body("leadId", contains(almasLead.toString()));
        rep(beaEmail).get("/api/queue").then().statusCode(200).body("leadId", contains(beasLead.toString()));
        // The token's user name matches the rep's e-mail whatever its case.
        rep(almaEmail.toUpperCase()).get("/api/queue").then().statusCode(200)
                .body("leadId", contains(almasLead.toString()));
    }

    @Test
    void anotherRepsTeamOrAQueueIsRefused() {
        forbidden(rep(almaEmail).queryParam("rep", bea).get("/api/queue"));
        forbidden(rep(almaEmail).queryParam("team", "Nordics").get("/api/queue"));
        forbidden(rep(almaEmail).queryParam("queue", "finland").get("/api/queue"));
    }

    @Test
    void anotherRepsLeadOrAQueuedOneIsNotFoundAndStaysUntouched() {
        UUID queued = Pipeline.assignedLead(probe, "AQ", "ads");
        for (UUID notHers : new UUID[] {beasLead, queued}) {
            notFound(rep(almaEmail).get("/api/leads/" + notHers), notHers);
            notFound(rep(almaEmail).get("/api/leads/" + notHers + "/contacts"), notHers);
            notFound(contact(rep(almaEmail), notHers), notHers);
            notFound(rep(almaEmail).post("/api/leads/" + notHers + "/accept"), notHers);
            notFound(rep(almaEmail).contentType(ContentType.JSON).body("{\"reason\":\"SPAM\"}")
                    .post("/api/leads/" + notHers + "/reject"), notHers);
        }
        manager().get("/api/leads/" + beasLead).then().body("stage", equalTo("ASSIGNED")).body("contacts", equalTo(0));

        // Her own lead she works as usual.
        contact(rep(almaEmail), almasLead).then().statusCode(201).body("repId", equalTo(alma));
        rep(almaEmail).get("/api/leads/" + almasLead + "/contacts").then().statusCode(200).body("size()", equalTo(1));
        rep(almaEmail).post("/api/leads/" + almasLead + "/accept").then().statusCode(200)
                .body("stage", equalTo("ACCEPTED"));
    }

    @Test
    void anotherRepsOpportunitiesAreHidden() {
        rep(beaEmail).post("/api/leads/" + beasLead + "/accept").then().statusCode(200);
        String beasDeal = open(rep(beaEmail), beasLead).then().statusCode(201).extract().path("id");
        rep(almaEmail).post("/api/leads/" + almasLead + "/accept").then().statusCode(200);
        String almasDeal = open(rep(almaEmail), almasLead).then().statusCode(201).extract().path("id");

        rep(almaEmail).get("/api/opportunities/" + beasDeal).then().statusCode(404);
        rep(almaEmail).queryParam("lead", beasLead).get("/api/opportunities").then().statusCode(200)
                .body("$", empty());
        rep(almaEmail).contentType(ContentType.JSON).body("{\"stage\":\"proposal\"}")
                .put("/api/opportunities/" + beasDeal + "/stage").then().statusCode(404);
        rep(almaEmail).contentType(ContentType.JSON).body("{}").post("/api/opportunities/" + beasDeal + "/won")
                .then().statusCode(404);
        // On another rep's lead nothing can be filed: refused exactly like a lead that does not exist.
        open(rep(almaEmail), beasLead).then().statusCode(422).body("errors.field", hasItem("leadId"));
        objection(rep(almaEmail), beasLead, null).then().statusCode(422).body("errors.field", hasItem("leadId"));
        objection(rep(almaEmail), almasLead, beasDeal).then().statusCode(422)
                .body("errors.field", hasItem("opportunityId"));

        rep(almaEmail).queryParam("lead", almasLead).get("/api/opportunities").then().statusCode(200)
                .body("id", contains(almasDeal));
        objection(rep(almaEmail), almasLead, almasDeal).then().statusCode(201);
        manager().get("/api/opportunities/" + beasDeal).then().statusCode(200).body("stage", equalTo("discovery"))
                .body("status", equalTo("OPEN"));
    }

    @Test
    void aTokenWhoseEmailNamesNoActiveRepIsRefused() {
        String nobody = "nobody-" + UUID.randomUUID() + "@sales.example";
        forbidden(rep(nobody).get("/api/queue")).body("detail", containsString("no rep with your e-mail"));
        forbidden(rep(nobody).get("/api/leads/" + almasLead));

        manager().delete("/api/reps/" + alma).then().statusCode(204);
        forbidden(rep(almaEmail).get("/api/queue"));
    }

    private static Response contact(RequestSpecification caller, UUID leadId) {
        return caller.contentType(ContentType.JSON).body("{\"channel\":\"CALL\",\"outcome\":\"interested\"}")
                .post("/api/leads/" + leadId + "/contacts");
    }

    private static Response open(RequestSpecification caller, UUID leadId) {
        return caller.contentType(ContentType.JSON).body("""
                        {"leadId":"%s","amount":5000,"currency":"EUR","expectedCloseDate":"2026-06-30",
                         "stage":"discovery"}""".formatted(leadId))
                .post("/api/opportunities");
    }

    private static Response objection(RequestSpecification caller, UUID leadId, String opportunityId) {
        String opportunity = opportunityId == null ? "" : ",\"opportunityId\":\"" + opportunityId + "\"";
        return caller.contentType(ContentType.JSON)
                .body("{\"leadId\":\"" + leadId + "\"" + opportunity + ",\"category\":\"price\"}")
                .post("/api/objections");
    }

    /** Exactly what a lead that does not exist answers. */
    private static void notFound(Response response, UUID leadId) {
        response.then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Lead " + leadId + " in the pipeline not found"));
    }

    private static io.restassured.response.ValidatableResponse forbidden(Response response) {
        return response.then().statusCode(403).contentType("application/problem+json");
    }
}
