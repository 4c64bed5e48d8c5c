package io.funnel.qualification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.funnel.local.FunnelTestResource;
import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(user = ScoringModelApiTest.ANA, roles = Roles.MARKETING)
class ScoringModelApiTest {

    static final String ANA = "ana.marketing@funnel.local";

    @Test
    void theSeededModelIsVersionOne() {
        given().get("/api/scoring-model/versions/1").then().statusCode(200)
                .body("author", equalTo("migration"))
                .body("fitRules.id", hasItems("fit.title.decision-maker", "fit.email.disposable"))
                .body("fitRules.find { it.id == 'fit.size.mid-market' }.range.min", equalTo(50))
                .body("behaviourRules.find { it.id == 'behaviour.demo-request' }.halfLifeDays", equalTo(30.0f));
        given().get("/api/scoring-model/versions/99999").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void eachChangeIsANewVersionByTheCallerWithTime() {
        Map<String, Object> current = currentModel();
        int version = (Integer) current.get("version");

        // The author is whoever the token names; one claimed in the body is ignored.
        given().contentType(ContentType.JSON).body(Map.of("author", "someone.else",
                        "fitRules", current.get("fitRules"), "behaviourRules", current.get("behaviourRules")))
                .put("/api/scoring-model").then().statusCode(200)
                .body("version", equalTo(version + 1))
                .body("author", equalTo(ANA))
                .body("createdAt", org.hamcrest.Matchers.notNullValue());

        given().get("/api/scoring-model").then().statusCode(200).body("version", equalTo(version + 1));
        given().get("/api/scoring-model/versions").then().statusCode(200)
                .body("[0].version", equalTo(version + 1))
                .body("[0].author", equalTo(ANA))
                .body("version", hasItem(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInvalidModelIsRefusedAsAWholeNamingEachRule() {
        Map<String, Object> current = currentModel();
        List<Object> fitRules = new ArrayList<>((List<Object>) current.get("fitRules"));
        fitRules.set(2, Map.of("id", "fit.bad-regex", "attribute", "jobTitle", "pattern", "(ceo",
                "points", 5, "reason", "r"));
        fitRules.add(Map.of("id", "fit.shoe", "attribute", "shoeSize", "values", List.of("45"), "points", 1,
                "reason", "r"));
        fitRules.add(Map.of("id", "fit.title.decision-maker", "attribute", "country", "values", List.of("ES"),
                "points", 1, "reason", "r"));
        List<Object> behaviourRules = new ArrayList<>((List<Object>) current.get("behaviourRules"));
        behaviourRules.set(0, Map.of("id", "behaviour.x", "activityType", "PAGE_VIEW", "points", 1,
                "halfLifeDays", -7, "reason", "r"));

        given().contentType(ContentType.JSON).body(Map.of("fitRules", fitRules, "behaviourRules", behaviourRules))
                .put("/api/scoring-model").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("fitRules[2].pattern", "fitRules[" + (fitRules.size() - 2)
                        + "].attribute", "fitRules[" + (fitRules.size() - 1) + "].id",
                        "behaviourRules[0].halfLifeDays"))
                .body("detail", containsString("duplicate rule id 'fit.title.decision-maker'"));

        assertThat(currentModel().get("version")).isEqualTo(current.get("version"));
    }

    @Test
    void missingRulesAndMalformedBodiesAreRefused() {
        given().contentType(ContentType.JSON).body(Map.of("behaviourRules", List.of()))
                .put("/api/scoring-model").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("fitRules"));
        given().contentType(ContentType.JSON).body("{\"fitRules\": [{\"points\": \"many\"}]}")
                .put("/api/scoring-model").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> currentModel() {
        return given().get("/api/scoring-model").then().statusCode(200).extract().as(Map.class);
    }
}
