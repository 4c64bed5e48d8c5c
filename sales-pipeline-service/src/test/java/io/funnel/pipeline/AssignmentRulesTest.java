package io.funnel.pipeline;

import static io.funnel.pipeline.support.Pipeline.events;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.funnel.events.PipelineEvent.LeadAssigned;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.pipeline.support.Pipeline;
import io.funnel.pipeline.support.PipelineProbe;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@ExtendWith(PipelineProbe.class)
@WithToken(roles = Roles.SALES_MANAGER)
class AssignmentRulesTest {

    /** A fresh one for each test, from {@link PipelineProbe}. */
    private TopicProbe probe;

    @Test
    void matchingRuleHandsLeadsOutWeightedByFreeCapacityWithTheirFirstContactDue() {
        String source = "webinar-" + UUID.randomUUID();
        String ana = Pipeline.rep("Ana Rules", "ES", 2);
        String ben = Pipeline.rep("Ben Rules", "ES", 1);
        String queue = "iberia-" + UUID.randomUUID().toString().substring(0, 8);
        Pipeline.ruleForSource(source, queue, ana, ben);

        List<UUID> leads = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        leads.forEach(id -> Pipeline.captured(probe, id, "ES", source));
        leads.forEach(id -> Pipeline.qualified(probe, id, 70));
        leads.forEach(Pipeline::awaitLead);

        List<String> owners = new ArrayList<>();
        leads.forEach(id -> owners.add(Pipeline.repOf(id)));
        assertThat(owners).containsExactlyInAnyOrder(ana, ana, ben, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> leads.forEach(id ->
                assertThat(events(probe, LeadAssigned.class, id)).singleElement()
                        .satisfies(e -> assertThat(e.queue()).isEqualTo(queue))));

        UUID first = leads.stream().filter(id -> ana.equals(Pipeline.repOf(id))).findFirst().orElseThrow();
        // Assigned Monday 09:00 in Madrid; 4 working hours (the default agreement) → 13:00 local.
        assertThat(events(probe, LeadAssigned.class, first).get(0).firstContactDue())
                .isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
        given().get("/api/leads/" + first).then().statusCode(200)
                .body("stage", equalTo("ASSIGNED")).body("country", equalTo("ES")).body("source", equalTo(source))
                .body("firstContactDue", equalTo("2026-03-02T12:00:00Z"))
                .body("explanation[0].ruleId", equalTo("fit.title.decision-maker"));
        UUID waiting = leads.stream().filter(id -> Pipeline.repOf(id) == null).findFirst().orElseThrow();
        given().get("/api/leads/" + waiting).then().body("stage", equalTo("QUEUED"))
                .body("firstContactDue", nullValue());
        given().queryParam("queue", queue).get("/api/queue").then().statusCode(200)
                .body("leadId", hasItem(waiting.toString()));
        given().get("/api/reps/" + ana).then().body("openLeads", equalTo(2));
    }

    @Test
    void withoutAMatchingRuleTheRepsCoveringTheCountryTakeTheLead() {
        String carla = Pipeline.rep("Carla Fallback", "UY", 3, "America/Montevideo");
        UUID leadId = Pipeline.assignedLead(probe, "UY", "referral-" + UUID.randomUUID());
        given().get("/api/leads/" + leadId).then().body("repId", equalTo(carla)).body("queue", equalTo("default"));
    }

    @Test
    void deactivatingARepReassignsItsOpenLeadsAndLateQualificationsChangeNothing() {
        String source = "fair-" + UUID.randomUUID();
        String dora = Pipeline.rep("Dora Deactivated", "PT", 5);
        String eli = Pipeline.rep("Eli Deactivated", "PT", 5);
        String queue = "portugal-" + UUID.randomUUID().toString().substring(0, 8);
        Pipeline.ruleForSource(source, queue, dora, eli);
        UUID leadId = Pipeline.assignedLead(probe, "PT", source);
        String first = Pipeline.repOf(leadId);
        String other = first.equals(dora) ? eli : dora;

        given().delete("/api/reps/" + first).then().statusCode(204);
        given().get("/api/reps/" + first).then().body("active", equalTo(false)).body("openLeads", equalTo(0));
        given().get("/api/leads/" + leadId).then().body("repId", equalTo(other)).body("stage", equalTo("ASSIGNED"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events(probe, LeadAssigned.class, leadId)).extracting(e -> e.repId().toString())
                        .containsExactly(first, other));

        // The same MQL delivered again (another event id) after the reassignment must not move the lead.
        Pipeline.awaitProcessed(Pipeline.qualified(probe, leadId, 90));
        given().get("/api/leads/" + leadId).then().body("repId", equalTo(other));

        // Nobody left in the rule's pool: the lead waits in the rule's queue.
        given().contentType(ContentType.JSON).body("""
                        {"name":"Eli Deactivated","email":"eli@sales.example","territories":["PT"],"capacity":5,
                         "timeZone":"Europe/Lisbon","active":false}""")
                .put("/api/reps/" + other).then().statusCode(200).body("active", equalTo(false));
        given().get("/api/leads/" + leadId).then().body("repId", nullValue()).body("stage", equalTo("QUEUED"))
                .body("queue", equalTo(queue));
        probe.readToEnd();
        assertThat(events(probe, LeadAssigned.class, leadId)).hasSize(3);
    }

    @Test
    void anMqlReadBeforeItsCaptureIsRoutedOnceItsCountryIsKnown() {
        String gus = Pipeline.rep("Gus Late", "IS", 3, "Atlantic/Reykjavik");
        UUID leadId = UUID.randomUUID();
        Pipeline.qualified(probe, leadId, 70);
        Pipeline.awaitLead(leadId);
        given().get("/api/leads/" + leadId).then().body("stage", equalTo("QUEUED"));

        Pipeline.captured(probe, leadId, "IS", "ads");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/leads/" + leadId).then().body("repId", equalTo(gus))
                        .body("stage", equalTo("ASSIGNED")).body("country", equalTo("IS")));
        // Later capture news does not move a lead a rep already holds.
        Pipeline.captured(probe, leadId, "ES", "ads");
        given().get("/api/leads/" + leadId).then().body("country", equalTo("IS"));
        given().get("/api/leads/" + leadId).then().body("repId", equalTo(gus));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events(probe, LeadAssigned.class, leadId)).extracting(LeadAssigned::repId)
                        .containsExactly(null, UUID.fromString(gus)));
    }

    @Test
    void waitingLeadsGoToANewRepOrAreHandedOutByHand() {
        UUID waiting = Pipeline.assignedLead(probe, "NO", "ads");
        given().get("/api/leads/" + waiting).then().body("stage", equalTo("QUEUED"));
        String ola = Pipeline.rep("Ola Waiting", "NO", 1, "Europe/Oslo");
        given().get("/api/leads/" + waiting).then().body("repId", equalTo(ola)).body("stage", equalTo("ASSIGNED"));

        UUID overflow = Pipeline.assignedLead(probe, "NO", "ads");
        given().get("/api/leads/" + overflow).then().body("stage", equalTo("QUEUED"));
        given().contentType(ContentType.JSON).body("{\"repId\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/leads/" + overflow + "/assign").then().statusCode(422)
                .body("errors.field", hasItem("repId"));
        given().contentType(ContentType.JSON).body("{\"repId\":\"" + ola + "\"}")
                .post("/api/leads/" + overflow + "/assign").then().statusCode(200)
                .body("repId", equalTo(ola)).body("stage", equalTo("ASSIGNED"))
                .body("firstContactDue", equalTo("2026-03-02T12:00:00Z"));
        given().post("/api/leads/" + overflow + "/accept").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"repId\":\"" + ola + "\"}")
                .post("/api/leads/" + overflow + "/assign").then().statusCode(409).body("stage", equalTo("ACCEPTED"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(events(probe, LeadAssigned.class, waiting)).extracting(LeadAssigned::repId)
                    .containsExactly(null, UUID.fromString(ola));
            assertThat(events(probe, LeadAssigned.class, overflow)).extracting(LeadAssigned::repId)
                    .containsExactly(null, UUID.fromString(ola));
        });
    }

    @Test
    void aRepWhoDecidesALeadTakesTheNextOneWaitingInTheQueue() {
        String source = "expo-" + UUID.randomUUID();
        String ines = Pipeline.rep("Ines Drain", "BE", 1, "Europe/Brussels");
        String queue = "benelux-" + UUID.randomUUID().toString().substring(0, 8);
        Pipeline.ruleForSource(source, queue, ines);
        UUID first = Pipeline.assignedLead(probe, "BE", source);
        UUID second = Pipeline.assignedLead(probe, "BE", source);
        given().get("/api/leads/" + second).then().body("stage", equalTo("QUEUED"));

        given().post("/api/leads/" + first + "/accept").then().statusCode(200);
        given().get("/api/leads/" + second).then().body("repId", equalTo(ines)).body("stage", equalTo("ASSIGNED"));
        UUID third = Pipeline.assignedLead(probe, "BE", source);
        given().get("/api/leads/" + third).then().body("stage", equalTo("QUEUED"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"NO_NEED\"}").post("/api/leads/" + second + "/reject")
                .then().statusCode(200);
        given().get("/api/leads/" + third).then().body("repId", equalTo(ines)).body("queue", equalTo(queue));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> List.of(second, third).forEach(id ->
                assertThat(events(probe, LeadAssigned.class, id)).extracting(LeadAssigned::repId)
                        .containsExactly(null, UUID.fromString(ines))));
    }

    @Test
    void rulesAreListedInOrderAndValidated() {
        String rep = Pipeline.rep("Fede Rules", "IT", 1);
        String late = given().contentType(ContentType.JSON)
                .body("{\"name\":\"Late\",\"position\":900,\"countries\":[\"IT\"],\"minScore\":90}")
                .post("/api/assignment-rules").then().statusCode(201).body("queue", equalTo("default"))
                .extract().path("id");
        String early = given().contentType(ContentType.JSON)
                .body("{\"name\":\"Early\",\"position\":899,\"countries\":[\"IT\"],\"minScore\":95,\"repIds\":[\""
                        + rep + "\"]}")
                .post("/api/assignment-rules").then().statusCode(201).extract().path("id");
        List<String> ids = given().get("/api/assignment-rules").then().statusCode(200).extract().path("id");
        assertThat(ids.indexOf(early)).isLessThan(ids.indexOf(late));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Early\",\"position\":901,\"countries\":[\"IT\"],\"minScore\":95}")
                .put("/api/assignment-rules/" + early).then().statusCode(200).body("position", equalTo(901));
        given().delete("/api/assignment-rules/" + late).then().statusCode(204);
        given().delete("/api/assignment-rules/" + early).then().statusCode(204);
        given().get("/api/assignment-rules/" + early).then().statusCode(404)
                .contentType("application/problem+json");

        given().contentType(ContentType.JSON).body("{\"name\":\"Band\",\"position\":1,\"minScore\":80,\"maxScore\":60}")
                .post("/api/assignment-rules").then().statusCode(422).body("errors.field", hasItem("maxScore"));
        given().contentType(ContentType.JSON).body("{\"name\":\"Nobody\",\"position\":1,\"repIds\":[\""
                        + UUID.randomUUID() + "\"]}")
                .post("/api/assignment-rules").then().statusCode(422).body("errors.field", hasItem("repIds"));
        given().contentType(ContentType.JSON).body("{\"name\":\"Nowhere\",\"position\":1,\"countries\":[\"XX\"]}")
                .post("/api/assignment-rules").then().statusCode(422).body("errors.field", hasItem("countries"));
        given().contentType(ContentType.JSON).body("{\"position\":1}")
                .post("/api/assignment-rules").then().statusCode(422).body("errors.field", hasItem("name"));
    }
}
