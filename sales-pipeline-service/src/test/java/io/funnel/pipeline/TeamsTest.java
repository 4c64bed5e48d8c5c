package io.funnel.pipeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.funnel.events.Topics;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import io.funnel.local.WithToken;
import io.funnel.pipeline.support.Pipeline;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reps belong to a team; a sales manager lists the team and works its queue. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.SALES_MANAGER)
class TeamsTest {

    @Test
    void aTeamListsItsRepsAndTheirUndecidedLeads() {
        String team = "Andes " + UUID.randomUUID().toString().substring(0, 8);
        String source = "team-" + UUID.randomUUID();
        String carla = rep("Carla Team", team);
        String dario = rep("Dario Team", team);
        rep("Elena Solo", null);
        Pipeline.ruleForSource(source, "andes", carla, dario);

        given().queryParam("team", team.toUpperCase()).get("/api/reps").then().statusCode(200)
                .body("id", containsInAnyOrder(carla, dario)).body("team", hasItem(team));
        try (TopicProbe probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(), Topics.PIPELINE)) {
            UUID leadId = Pipeline.assignedLead(probe, "GY", source);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("team", team)
                    .get("/api/queue").then().statusCode(200)
                    .body("leadId", containsInAnyOrder(leadId.toString()))
                    .body("[0].stage", equalTo("ASSIGNED")));
        }
    }

    private static String rep(String name, String team) {
        return given().contentType(ContentType.JSON).body("""
                        {"name":"%s","email":"%s@sales.example","team":%s,"territories":["%s"],"capacity":5,
                         "timeZone":"America/Guyana"}""".formatted(name, name.toLowerCase().replace(' ', '.'),
                        team == null ? "null" : "\"" + team + "\"", team == null ? "SR" : "GY"))
                .post("/api/reps").then().statusCode(201).extract().path("id");
    }
}
