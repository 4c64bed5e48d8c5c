package io.funnel.qualification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.funnel.events.AgreementEvent.AgreementUpdated;
import io.funnel.events.EventCodec;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.events.LeadEvent.LeadUpdated;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.events.QualificationEvent.PersonaMatched;
import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.funnel.local.TopicProbe.Received;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Personas (CRUD, matching) and the agreement's MQL definition: threshold and required persona. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.MARKETING)
class PersonaAgreementTest {

    private static final LeadProfile DECISION_MAKER = new LeadProfile("ana@obras.example", "Ana", "Ruiz", null,
            "Obras SA", "Head of Operations", 250, "construction", "ES");

    @Inject
    MutableClock clock;

    private TopicProbe probe;
    private int agreementVersion;

    @BeforeEach
    void subscribe() {
        probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(), Topics.QUALIFICATION);
        agreementVersion = ThreadLocalRandom.current().nextInt(1_000_000, 2_000_000_000);
    }

    @AfterEach
    void restoreTheDefaultDefinition() {
        if (TestDatabase.count("select count(*) from agreement_terms where version >= " + agreementVersion) > 0) {
            publishAgreement(50, null); // a newer version, effective now, that other tests expect
        }
        probe.close();
    }

    @Test
    void personasAreCreatedReadReplacedAndDeleted() {
        String name = "Buyer " + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON).body(persona(name, "operations"))
                .post("/api/personas").then().statusCode(201)
                .body("name", equalTo(name))
                .body("criteria[0].pattern", equalTo("operations"))
                .extract().path("id");
        given().get("/api/personas/" + id).then().statusCode(200).body("name", equalTo(name));
        given().get("/api/personas").then().statusCode(200).body("name", hasItem(name));

        given().contentType(ContentType.JSON).body(persona(name.toUpperCase(), "x")).post("/api/personas")
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(persona(name + " 2", "(unclosed")).put("/api/personas/" + id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("criteria[0].pattern"));
        given().contentType(ContentType.JSON).body(Map.of("name", "no criteria", "criteria", List.of()))
                .post("/api/personas").then().statusCode(422).body("errors.field", hasItem("criteria"));
        given().contentType(ContentType.JSON).body(persona(name + " 2", "director")).put("/api/personas/" + id)
                .then().statusCode(200).body("name", equalTo(name + " 2"));

        given().delete("/api/personas/" + id).then().statusCode(204);
        given().get("/api/personas/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void requiredPersonaGatesTheMqlAndPersonaMatchedIsPublishedOncePerChange() {
        String persona = "Ops in construction " + UUID.randomUUID();
        String personaId = given().contentType(ContentType.JSON).body(Map.of("name", persona, "criteria", List.of(
                        Map.of("attribute", "jobTitle", "pattern", "operations"),
                        Map.of("attribute", "industry", "values", List.of("construction")))))
                .post("/api/personas").then().statusCode(201).extract().path("id");
        publishAgreement(50, "Some other persona");

        UUID leadId = UUID.randomUUID();
        probe.publish(new LeadCaptured(leadId, DECISION_MAKER, null, null, null, clock.instant()), id());
        probe.publish(new LeadUpdated(leadId, DECISION_MAKER, null, clock.instant()), id());
        await().atMost(Duration.ofSeconds(30)).until(() -> of(leadId, "LeadScored").size() == 2);
        assertThat(of(leadId, "PersonaMatched")).singleElement()
                .satisfies(r -> assertThat(((PersonaMatched) decode(r)).persona()).isEqualTo(persona));
        assertThat(of(leadId, "LeadQualified")).as("60 points, but not the required persona").isEmpty();
        given().get("/api/leads/" + leadId + "/score").then().statusCode(200)
                .body("persona", equalTo(persona))
                .body("requiredPersona", equalTo("Some other persona"))
                .body("mql", equalTo(false));
        // the what-if applies the same definition: nobody has that persona
        Map<String, Object> model = given().get("/api/scoring-model").then().extract().as(Map.class);
        given().contentType(ContentType.JSON).body(Map.of("fitRules", model.get("fitRules"),
                        "behaviourRules", model.get("behaviourRules")))
                .post("/api/scoring-model/simulate").then().statusCode(200)
                .body("requiredPersona", equalTo("Some other persona"))
                .body("proposed.mqls", equalTo(0))
                .body("current.mqls", equalTo(0));

        publishAgreement(50, "Yet another persona"); // changes nothing for this lead: nothing is published
        publishAgreement(55, persona); // the new definition rescores the leads it may qualify
        await().atMost(Duration.ofSeconds(30)).until(() -> of(leadId, "LeadQualified").size() == 1);
        LeadQualified qualified = (LeadQualified) decode(of(leadId, "LeadQualified").get(0));
        assertThat(qualified.persona()).isEqualTo(persona);
        assertThat(qualified.threshold()).isEqualTo(55);
        assertThat(of(leadId, "PersonaMatched")).hasSize(1);
        assertThat(of(leadId, "LeadScored")).as("one more score, with the qualification").hasSize(3);

        given().delete("/api/personas/" + personaId).then().statusCode(204);
    }

    @Test
    void agreementThresholdReplacesTheConfiguredOne() {
        publishAgreement(70, null);
        UUID leadId = UUID.randomUUID();
        probe.publish(new LeadCaptured(leadId, DECISION_MAKER, null, null, null, clock.instant()), id());
        await().atMost(Duration.ofSeconds(30)).until(() -> of(leadId, "LeadScored").size() == 1);
        assertThat(of(leadId, "LeadQualified")).isEmpty();
        given().get("/api/leads/" + leadId + "/score").then().statusCode(200)
                .body("total", equalTo(60))
                .body("threshold", equalTo(70))
                .body("mql", equalTo(false));

        publishAgreement(60, null); // a lower threshold qualifies the leads it reaches
        await().atMost(Duration.ofSeconds(30)).until(() -> of(leadId, "LeadQualified").size() == 1);
        assertThat(((LeadQualified) decode(of(leadId, "LeadQualified").get(0))).threshold()).isEqualTo(60);
        assertThat(of(leadId, "LeadScored")).hasSize(2);
    }

    private void publishAgreement(int threshold, String requiredPersona) {
        int version = ++agreementVersion;
        probe.publish(new AgreementUpdated(version, threshold, requiredPersona, 100, new BigDecimal("0.5"), 8, 5,
                new BigDecimal("100000"), "EUR", "marketing", "sales", clock.instant(), clock.instant()), id());
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from agreement_terms where version = " + version) == 1);
    }

    private static Map<String, Object> persona(String name, String titlePattern) {
        return Map.of("name", name, "criteria", List.of(Map.of("attribute", "jobTitle", "pattern", titlePattern)));
    }

    private List<Received> of(UUID leadId, String event) {
        return probe.ofType("io.funnel." + event + ".v1").stream().filter(r -> leadId.toString().equals(r.key()))
                .toList();
    }

    private static io.funnel.events.FunnelEvent decode(Received r) {
        return EventCodec.decode(r.header("ce_type"), r.value());
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
