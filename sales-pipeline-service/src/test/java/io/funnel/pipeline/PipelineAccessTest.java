package io.funnel.pipeline;

import static io.funnel.pipeline.support.Callers.as;
import static io.funnel.pipeline.support.Callers.manager;
import static io.funnel.pipeline.support.Callers.rep;
import static io.funnel.pipeline.support.Callers.role;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.funnel.events.Topics;
import io.funnel.local.DevIssuer;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import io.funnel.pipeline.support.Pipeline;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every pipeline API needs a valid bearer token (401) with one of the roles it serves (403), as problem+json. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
class PipelineAccessTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String REP_BODY = """
            {"name":"Xavi Access","email":"xavi@sales.example","territories":["LV"],"capacity":1,
             "timeZone":"Europe/Riga"}""";

    @Test
    void withoutAValidTokenEveryApiAnswers401() {
        UUID id = UUID.randomUUID();
        for (String path : List.of("/api/queue", "/api/reps", "/api/assignment-rules", "/api/leads/" + id,
                "/api/leads/" + id + "/contacts", "/api/opportunities/" + id, "/api/opportunities?lead=" + id,
                "/api/objections?lead=" + id)) {
            unauthorized(given().get(path));
        }
        unauthorized(given().post("/api/leads/" + id + "/accept"));
        unauthorized(given().contentType(ContentType.JSON).body(REP_BODY).post("/api/reps"));

        String expired = DevIssuer.token("manager@funnel.local", List.of(Roles.SALES_MANAGER), Duration.ofMinutes(-10));
        unauthorized(as(expired).get("/api/queue"));
        unauthorized(as(tamperedIntoManager(DevIssuer.token(Roles.MARKETING))).get("/api/queue"));
        unauthorized(as("not-a-token").get("/api/queue"));
    }

    @Test
    void aRoleTheApiDoesNotServeIsRefused403() {
        UUID id = UUID.randomUUID();
        forbidden(role(Roles.MARKETING).get("/api/queue"));
        forbidden(role(Roles.ADMIN).get("/api/leads/" + id));
        forbidden(role(Roles.REVENUE_OPS).post("/api/leads/" + id + "/accept"));
        forbidden(as(DevIssuer.scopedToken("web-integration", "capture")).get("/api/opportunities/" + id));

        // A rep works leads but manages neither reps, nor rules, nor who gets which lead, nor reads objections.
        forbidden(rep("rep@funnel.local").contentType(ContentType.JSON).body(REP_BODY).post("/api/reps"));
        forbidden(rep("rep@funnel.local").get("/api/reps"));
        forbidden(rep("rep@funnel.local").get("/api/assignment-rules"));
        forbidden(rep("rep@funnel.local").contentType(ContentType.JSON)
                .body("{\"repId\":\"" + UUID.randomUUID() + "\"}").post("/api/leads/" + id + "/assign"));
        forbidden(rep("rep@funnel.local").queryParam("lead", id).get("/api/objections"));

        // Revenue ops reads the reps but changes nothing.
        role(Roles.REVENUE_OPS).get("/api/reps").then().statusCode(200);
        forbidden(role(Roles.REVENUE_OPS).contentType(ContentType.JSON).body(REP_BODY).post("/api/reps"));
        forbidden(role(Roles.REVENUE_OPS).get("/api/assignment-rules"));
        // Objections are fed back to marketing and read by revenue ops.
        role(Roles.MARKETING).queryParam("lead", id).get("/api/objections").then().statusCode(200);
        role(Roles.REVENUE_OPS).queryParam("lead", id).get("/api/objections").then().statusCode(200);
    }

    @Test
    void aSalesManagerSeesEveryRepsLeadsAndEveryQueue() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String source = "access-" + suffix;
        String team = "Baltics " + suffix;
        String rita = manager().contentType(ContentType.JSON).body(REP_BODY.replace("Xavi Access", "Rita Access")
                        .replace("\"capacity\":1", "\"capacity\":1,\"team\":\"" + team + "\""))
                .post("/api/reps").then().statusCode(201).extract().path("id");
        Pipeline.ruleForSource(manager(), source, "baltics", rita);
        UUID assigned;
        UUID queued;
        try (TopicProbe probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers(), Topics.PIPELINE)) {
            assigned = Pipeline.assignedLead(probe, "LV", source);
            queued = Pipeline.assignedLead(probe, "LV", source);
        }

        manager().get("/api/leads/" + assigned).then().statusCode(200).body("repId", equalTo(rita));
        manager().get("/api/leads/" + queued).then().statusCode(200).body("stage", equalTo("QUEUED"));
        manager().queryParam("rep", rita).get("/api/queue").then().statusCode(200)
                .body("leadId", hasItem(assigned.toString()));
        manager().queryParam("team", team).get("/api/queue").then().statusCode(200)
                .body("leadId", hasItem(assigned.toString()));
        manager().queryParam("queue", "baltics").get("/api/queue").then().statusCode(200)
                .body("leadId", hasItem(queued.toString()));
        manager().get("/api/reps").then().statusCode(200).body("id", hasItem(rita));
    }

    @Test
    void theOpenApiDocumentIsPublicAndNamesTheBearerScheme() {
        String spec = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes", notNullValue())
                .body("paths.'/api/queue'.get.security", notNullValue())
                .extract().asString();
        assertThat(spec).contains("\"bearer\"").contains("JWT").contains("e-mail is the token's user name");
    }

    /** The same token with the manager's role written into it: its signature no longer matches. */
    private static String tamperedIntoManager(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = claims.replace("\"" + Roles.MARKETING + "\"", "\"" + Roles.SALES_MANAGER + "\"");
        assertThat(forged).isNotEqualTo(claims);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static void unauthorized(Response response) {
        response.then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", containsString("Bearer"));
    }

    private static void forbidden(Response response) {
        response.then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
    }
}
