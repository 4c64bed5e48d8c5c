package io.funnel.qualification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.events.PipelineEvent.LeadAccepted;
import io.funnel.events.PipelineEvent.OpportunityWon;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TestDatabase;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The what-if over stored histories, through HTTP; the arithmetic itself is covered by SimulatorTest. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.MARKETING)
class SimulationApiTest {

    /** 60 under the default model. */
    private static final LeadProfile DECISION_MAKER = new LeadProfile("ana@obras.example", "Ana", "Ruiz", null,
            "Obras SA", "Head of Operations", 250, "construction", "ES");
    /** 35 under the default model: 250 employees, construction. */
    private static final LeadProfile ENGINEER = new LeadProfile("eva@obras.example", "Eva", null, null, "Obras SA",
            "Site engineer", 250, "construction", "ES");

    @Test
    @SuppressWarnings("unchecked")
    void replaysStoredLeadsAgainstAProposedModel() {
        UUID buyer = UUID.randomUUID();
        UUID engineer = UUID.randomUUID();
        Instant january = Instant.parse("2019-01-15T10:00:00Z");
        try (TopicProbe probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers())) {
            probe.publish(new LeadCaptured(buyer, DECISION_MAKER, null, null, null, january), id());
            probe.publish(new LeadCaptured(engineer, ENGINEER, null, null, null, january.plusSeconds(60)), id());
            probe.publish(new LeadAccepted(buyer, UUID.randomUUID(), january.plusSeconds(3600)), id());
            probe.publish(new OpportunityWon(buyer, UUID.randomUUID(), new BigDecimal("12000"), "EUR",
                    january.plus(Duration.ofDays(40))), id());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from scored_lead"
                + " where lead_id in ('" + buyer + "', '" + engineer + "')") == 2
                && TestDatabase.count("select count(*) from pipeline_outcome where lead_id = '" + buyer + "'") == 2);

        Map<String, Object> current = given().get("/api/scoring-model").then().extract().as(Map.class);
        // every stored lead is replayed, read two at a time in tests (funnel.qualification.simulation.page-size)
        int stored = (int) TestDatabase.count("select count(*) from scored_lead");
        given().contentType(ContentType.JSON).body(Map.of("fitRules", current.get("fitRules"),
                        "behaviourRules", current.get("behaviourRules"), "threshold", 50))
                .post("/api/scoring-model/simulate").then().statusCode(200)
                .body("threshold", equalTo(50))
                .body("proposed.leads", equalTo(stored))
                .body("current.leads", equalTo(stored))
                .body("proposed.months.find { it.month == '2019-01' }.mqls", equalTo(1))
                .body("proposed.months.find { it.month == '2019-01' }.accepted", equalTo(1))
                .body("proposed.months.find { it.month == '2019-01' }.won", equalTo(1))
                .body("current.months.find { it.month == '2019-01' }.mqls", equalTo(1));

        // a proposal that values the industry twice as much also makes the engineer an MQL (35 + 15 = 50)
        List<Map<String, Object>> fitRules = new ArrayList<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) current.get("fitRules")) {
            Map<String, Object> copy = new HashMap<>(rule);
            if ("fit.industry.target".equals(copy.get("id"))) {
                copy.put("points", 30);
            }
            fitRules.add(copy);
        }
        given().contentType(ContentType.JSON).body(Map.of("fitRules", fitRules,
                        "behaviourRules", current.get("behaviourRules"), "threshold", 50))
                .post("/api/scoring-model/simulate").then().statusCode(200)
                .body("proposed.months.find { it.month == '2019-01' }.mqls", equalTo(2))
                .body("proposed.months.find { it.month == '2019-01' }.accepted", equalTo(1))
                .body("current.months.find { it.month == '2019-01' }.mqls", equalTo(1));
    }

    @Test
    void anInvalidProposalIsRefusedNamingTheRule() {
        given().contentType(ContentType.JSON).body(Map.of("fitRules", List.of(Map.of("id", "x",
                        "attribute", "favouriteColour", "values", List.of("red"), "points", 5, "reason", "r")),
                        "behaviourRules", List.of()))
                .post("/api/scoring-model/simulate").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("fitRules[0].attribute"));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
