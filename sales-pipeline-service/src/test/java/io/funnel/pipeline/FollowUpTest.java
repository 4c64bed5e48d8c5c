package io.funnel.pipeline;

import static io.funnel.pipeline.support.Pipeline.events;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.funnel.events.PipelineEvent.ContactChannel;
import io.funnel.events.PipelineEvent.LeadAccepted;
import io.funnel.events.PipelineEvent.LeadAssigned;
import io.funnel.events.PipelineEvent.LeadContacted;
import io.funnel.events.PipelineEvent.LeadRejected;
import io.funnel.events.PipelineEvent.RejectionReason;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.pipeline.support.MovableClock;
import io.funnel.pipeline.support.Pipeline;
import io.funnel.pipeline.support.PipelineProbe;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@ExtendWith(PipelineProbe.class)
@WithToken(roles = Roles.SALES_MANAGER)
class FollowUpTest {

    /** A fresh one for each test, from {@link PipelineProbe}. */
    private TopicProbe probe;

    @AfterEach
    void resetClock() {
        MovableClock.INSTANCE.reset();
    }

    @Test
    void contactsThenAcceptOrRejectPublishOneEventEach() {
        String hugo = Pipeline.rep("Hugo FollowUp", "CL", 10, "America/Santiago");
        UUID accepted = Pipeline.assignedLead(probe, "CL", "ads");
        UUID rejected = Pipeline.assignedLead(probe, "CL", "ads");

        contact(accepted, "CALL").statusCode(201).body("channel", equalTo("CALL")).body("repId", equalTo(hugo));
        given().get("/api/leads/" + accepted).then().body("stage", equalTo("CONTACTED"))
                .body("firstContactedAt", notNullValue());
        contact(accepted, "MEETING").statusCode(201);
        given().get("/api/leads/" + accepted + "/contacts").then().body("channel", contains("CALL", "MEETING"))
                .body("note", hasItem("Asked about pricing"));
        given().post("/api/leads/" + accepted + "/accept").then().statusCode(200).body("stage", equalTo("ACCEPTED"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"NO_BUDGET\",\"note\":\"Budget frozen until Q3\"}")
                .post("/api/leads/" + rejected + "/reject").then().statusCode(200)
                .body("stage", equalTo("REJECTED")).body("rejectionReason", equalTo("NO_BUDGET"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(events(probe, LeadContacted.class, accepted)).extracting(LeadContacted::channel)
                    .containsExactly(ContactChannel.CALL, ContactChannel.MEETING);
            assertThat(events(probe, LeadAccepted.class, accepted)).singleElement()
                    .satisfies(e -> assertThat(e.repId().toString()).isEqualTo(hugo));
            assertThat(events(probe, LeadRejected.class, rejected)).singleElement().satisfies(e -> {
                assertThat(e.reason()).isEqualTo(RejectionReason.NO_BUDGET);
                assertThat(e.note()).isEqualTo("Budget frozen until Q3");
            });
        });
    }

    @Test
    void aRejectedLeadReturnsOnlyWhenQualifiedAgainAfterTheRejection() {
        String mar = Pipeline.rep("Mar FollowUp", "GT", 10, "America/Guatemala");
        UUID leadId = Pipeline.assignedLead(probe, "GT", "ads");
        reject(leadId, "{\"reason\":\"TIMING\",\"note\":\"Call back next quarter\"}").statusCode(200);

        // A stale MQL (qualified before the rejection) arriving late changes nothing.
        Pipeline.awaitProcessed(Pipeline.qualified(probe, leadId, 80, MovableClock.START.minusSeconds(60)));
        given().get("/api/leads/" + leadId).then().body("stage", equalTo("REJECTED"));

        // Recycled, nurtured and qualified again: a new round in the pipeline.
        Pipeline.awaitProcessed(Pipeline.qualified(probe, leadId, 85, MovableClock.START.plusSeconds(60)));
        given().get("/api/leads/" + leadId).then().body("stage", equalTo("ASSIGNED")).body("repId", equalTo(mar))
                .body("score", equalTo(85)).body("rejectionReason", nullValue());
        probe.readToEnd();
        assertThat(events(probe, LeadAssigned.class, leadId)).hasSize(2);
    }

    @Test
    void illegalTransitionsAnswer409WithTheCurrentStage() {
        Pipeline.rep("Iris FollowUp", "PE", 10, "America/Lima");
        UUID leadId = Pipeline.assignedLead(probe, "PE", "ads");
        given().post("/api/leads/" + leadId + "/accept").then().statusCode(200);

        given().post("/api/leads/" + leadId + "/accept").then().statusCode(409)
                .contentType("application/problem+json").body("stage", equalTo("ACCEPTED"));
        contact(leadId, "EMAIL").statusCode(409).body("stage", equalTo("ACCEPTED"));
        reject(leadId, "{\"reason\":\"SPAM\"}").statusCode(409).body("stage", equalTo("ACCEPTED"));

        // Nobody covers Bolivia: the lead waits in the default queue and cannot be accepted yet.
        UUID queued = Pipeline.assignedLead(probe, "BO", "ads");
        given().post("/api/leads/" + queued + "/accept").then().statusCode(409).body("stage", equalTo("QUEUED"));
        given().post("/api/leads/" + UUID.randomUUID() + "/accept").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aRejectionNeedsAReasonFromTheFixedList() {
        Pipeline.rep("Joan FollowUp", "EC", 10, "America/Guayaquil");
        UUID leadId = Pipeline.assignedLead(probe, "EC", "ads");
        reject(leadId, "{\"note\":\"no reason given\"}").statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("reason"));
        reject(leadId, "{\"reason\":\"TOO_EXPENSIVE\"}").statusCode(422).body("errors.field", hasItem("reason"));
        contact(leadId, null).statusCode(422).body("errors.field", hasItem("channel"));
        given().get("/api/leads/" + leadId).then().body("stage", equalTo("ASSIGNED"));
        reject(leadId, "{\"reason\":\"TIMING\"}").statusCode(200);
    }

    @Test
    void concurrentDecisionsOnOneLeadLetExactlyOneWin() throws Exception {
        Pipeline.rep("Kai FollowUp", "PY", 50, "America/Asuncion");
        for (int round = 0; round < 4; round++) {
            UUID leadId = Pipeline.assignedLead(probe, "PY", "ads");
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Integer> accept = CompletableFuture.supplyAsync(() -> {
                waitFor(go);
                return given().post("/api/leads/" + leadId + "/accept").statusCode();
            });
            CompletableFuture<Integer> reject = CompletableFuture.supplyAsync(() -> {
                waitFor(go);
                return reject(leadId, "{\"reason\":\"BAD_FIT\"}").extract().statusCode();
            });
            go.countDown();
            assertThat(List.of(accept.get(), reject.get())).containsExactlyInAnyOrder(200, 409);
            probe.readToEnd();
            assertThat(events(probe, LeadAccepted.class, leadId).size()
                    + events(probe, LeadRejected.class, leadId).size()).isEqualTo(1);
        }
    }

    @Test
    void concurrentContactsAreNeverLostUpdates() throws Exception {
        Pipeline.rep("Lia FollowUp", "VE", 10, "America/Caracas");
        UUID leadId = Pipeline.assignedLead(probe, "VE", "ads");
        long before = given().get("/api/leads/" + leadId).then().extract().<Integer>path("version");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                waitFor(go);
                return contact(leadId, "EMAIL").extract().statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> call : calls) {
            statuses.add(call.get());
        }
        assertThat(statuses).allMatch(s -> s == 201 || s == 409).contains(201);
        long succeeded = statuses.stream().filter(s -> s == 201).count();
        // Every accepted contact changed the row once: none was overwritten by another.
        given().get("/api/leads/" + leadId).then().body("version", equalTo((int) (before + succeeded)));
        given().get("/api/leads/" + leadId + "/contacts").then().body("size()", equalTo((int) succeeded));
        given().get("/api/leads/" + leadId).then().body("contacts", equalTo((int) succeeded));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events(probe, LeadContacted.class, leadId)).hasSize((int) succeeded));
    }

    @Test
    void aRepsQueueIsOrderedBySlaDueTimeAndExplainsTheScore() {
        String lena = Pipeline.rep("Lena FollowUp", "CR", 10, "America/Costa_Rica");
        MovableClock.INSTANCE.set(MovableClock.START.plus(Duration.ofHours(8)));
        UUID earlier = Pipeline.assignedLead(probe, "CR", "ads");
        MovableClock.INSTANCE.advance(Duration.ofHours(1));
        UUID later = Pipeline.assignedLead(probe, "CR", "ads");

        given().queryParam("rep", lena).get("/api/queue").then().statusCode(200)
                .body("leadId", contains(earlier.toString(), later.toString()))
                .body("[0].explanation[1].reason", equalTo("Attended the pricing webinar"));
        // Contacted: the next deadline is the decision, days away, so the other lead comes first now.
        contact(earlier, "CALL").statusCode(201);
        given().queryParam("rep", lena).get("/api/queue").then()
                .body("leadId", contains(later.toString(), earlier.toString()));
        given().queryParam("rep", "not-a-uuid").get("/api/queue").then().statusCode(400);
        given().queryParam("rep", UUID.randomUUID()).get("/api/queue").then().statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse contact(UUID leadId, String channel) {
        String body = channel == null ? "{\"outcome\":\"?\"}"
                : "{\"channel\":\"" + channel + "\",\"outcome\":\"interested\",\"note\":\"Asked about pricing\"}";
        return given().contentType(ContentType.JSON).body(body).post("/api/leads/" + leadId + "/contacts").then();
    }

    private static io.restassured.response.ValidatableResponse reject(UUID leadId, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/leads/" + leadId + "/reject").then();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
