package io.funnel.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.funnel.local.FunnelTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document tells a client how to authenticate each operation and which roles it serves. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
class OpenApiSecurityTest {

    @Test
    void operationsNameTheBearerSchemeAndTheirRoles() {
        JsonPath openApi = openApi();
        assertThat(openApi.getMap("components.securitySchemes.bearer"))
                .containsEntry("type", "http").containsEntry("scheme", "bearer").containsEntry("bearerFormat", "JWT");
        assertThat(security(openApi, "'/api/forms'.get")).containsExactly(Map.of("bearer", List.of("marketing")));
        assertThat(security(openApi, "'/api/leads/{id}'.delete")).containsExactly(Map.of("bearer", List.of("admin")));
        assertThat(security(openApi, "'/api/leads'.post")).containsExactly(Map.of("bearer", List.of("capture")));
        assertThat(openApi.getList("paths.'/api/leads'.post.parameters.name")).contains("X-Api-Key");
    }

    @Test
    void thePublicEdgeAsksForNothing() {
        JsonPath openApi = openApi();
        assertThat(security(openApi, "'/forms/{formId}'.post")).isNull();
        assertThat(security(openApi, "'/api/activities'.post")).isNull();
    }

    private static JsonPath openApi() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, List<String>>> security(JsonPath openApi, String operation) {
        return openApi.getList("paths." + operation + ".security");
    }
}
