package io.funnel.qualification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.funnel.local.FunnelTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document tells a client to send a bearer token and which roles each operation serves. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
class OpenApiSecurityTest {

    @Test
    void operationsNameTheBearerSchemeAndTheirRoles() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertThat(openApi.getMap("components.securitySchemes.bearer"))
                .containsEntry("type", "http").containsEntry("scheme", "bearer");
        assertThat(security(openApi, "'/api/scoring-model'.put")).containsExactly(Map.of("bearer", List.of("marketing")));
        assertThat(security(openApi, "'/api/scoring-model/simulate'.post"))
                .containsExactly(Map.of("bearer", List.of("marketing", "revenue-ops")));
    }

    private static List<Map<String, List<String>>> security(JsonPath openApi, String operation) {
        return openApi.getList("paths." + operation + ".security");
    }
}
