package io.funnel.local;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.funnel.events.EventCodec;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fault suite's bad-input corpus, fired at every operation with a body that a service's own OpenAPI document
 * lists: broken and hostile JSON, invalid UTF-8, nesting bombs, huge numbers, wrong types, injection strings and
 * control characters in every property, wrong content types. A service passes when none of it gets a 5xx and every
 * refusal is problem+json. New endpoints are covered without touching the test.
 */
public final class BadInputCorpus {

    /** Not JSON at all: must be refused. */
    private static final List<String> MALFORMED = List.of("{", "[", "\"", "{\"a\":", "nul", "{\"a\":1,}", "{'a':1}",
            "{\"a\":\"\\x41\"}", "[".repeat(20_000), "{\"a\":".repeat(5_000) + "1");

    /** JSON of an unexpected shape: may be accepted where it means something, never a 5xx. */
    private static final List<String> ODD_SHAPES = List.of("{}", "[]", "17", "\"just a string\"", "{\"a\":1}{\"b\":2}",
            "[".repeat(3_000) + "]".repeat(3_000));

    private static final List<String> HOSTILE_VALUES = List.of("1e400", "-1e400", "123456789012345678901234567890",
            "-9223372036854775809", "1.7976931348623157E309", "-1", "0", "true", "[]", "{}", "[1,2,3]", "null",
            quoted(""), quoted(" "), quoted("x".repeat(70_000 / 8)), quoted("' OR '1'='1'; DROP TABLE lead; --"),
            quoted("<script>alert(document.cookie)</script>"), quoted("{{7*7}}${7*7}"), quoted("\u0000"),
            quoted("a\u0000b"), quoted("\u202Egnp.exe"), quoted("😀".repeat(100)), quoted("2026-02-30T25:61:00Z"),
            quoted("not-a-uuid"), quoted("../../etc/passwd"), quoted("%00%0d%0aSet-Cookie: x=y"));

    private final RequestSpecification caller;
    private final List<String> failures = new ArrayList<>();

    private BadInputCorpus(RequestSpecification caller) {
        this.caller = caller;
    }

    /** Every failure as {@code METHOD path with input: status}; empty when the service held. */
    public static List<String> failuresWithToken(String token) {
        BadInputCorpus corpus = new BadInputCorpus(given().header("Authorization", "Bearer " + token));
        JsonNode openApi = EventCodec.readTree(given().accept("application/json").get("/q/openapi?format=json")
                .asString());
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("post", "put", "patch")) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null && operation.has("requestBody")) {
                    corpus.attack(method, concrete(path.getKey()), operation.path("requestBody"), openApi);
                }
            }
        }
        return corpus.failures;
    }

    private void attack(String method, String path, JsonNode requestBody, JsonNode openApi) {
        for (String body : MALFORMED) {
            check(method, path, "malformed JSON " + abbreviate(body), send(method, path, "application/json",
                    body.getBytes(StandardCharsets.UTF_8)), false);
        }
        for (String body : ODD_SHAPES) {
            check(method, path, "JSON " + abbreviate(body), send(method, path, "application/json",
                    body.getBytes(StandardCharsets.UTF_8)), true);
        }
        check(method, path, "invalid UTF-8", send(method, path, "application/json",
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}), false);
        check(method, path, "text/plain", send(method, path, "text/plain", "hello".getBytes(StandardCharsets.UTF_8)),
                false);
        check(method, path, "application/xml", send(method, path, "application/xml",
                "<lead><email>a@b.example</email></lead>".getBytes(StandardCharsets.UTF_8)), false);
        JsonNode schema = resolve(requestBody.path("content").path("application/json").path("schema"), openApi);
        for (Iterator<String> properties = schema.path("properties").fieldNames(); properties.hasNext(); ) {
            String property = properties.next();
            for (String value : HOSTILE_VALUES) {
                // The other required properties are plausible, so that the hostile value gets past the first check.
                ObjectNode body = plausible(schema, openApi);
                body.set(property, EventCodec.readTree(value));
                check(method, path, property + "=" + abbreviate(value), send(method, path, "application/json",
                        body.toString().getBytes(StandardCharsets.UTF_8)), true);
            }
        }
    }

    /** The schema's required properties with values that pass simple checks (formats, enums, patterns). */
    private static ObjectNode plausible(JsonNode schema, JsonNode openApi) {
        ObjectNode body = EventCodec.mapper().createObjectNode();
        for (JsonNode required : schema.path("required")) {
            JsonNode property = resolve(schema.path("properties").path(required.asText()), openApi);
            body.set(required.asText(), plausibleValue(property));
        }
        return body;
    }

    private static JsonNode plausibleValue(JsonNode property) {
        var json = EventCodec.mapper().getNodeFactory();
        if (property.has("enum")) {
            return property.path("enum").get(0);
        }
        return switch (property.path("type").asText("string")) {
            case "integer", "number" -> json.numberNode(1);
            case "boolean" -> json.booleanNode(true);
            case "array" -> json.arrayNode();
            case "object" -> json.objectNode();
            default -> json.textNode(switch (property.path("format").asText("")) {
                case "email" -> "corpus." + UUID.randomUUID() + "@example.com";
                case "uuid" -> UUID.randomUUID().toString();
                case "date" -> "2026-01-01";
                case "date-time" -> "2026-01-01T00:00:00Z";
                default -> property.has("pattern") ? "ES" : "corpus";
            });
        };
    }

    private Response send(String method, String path, String contentType, byte[] body) {
        return given().spec(caller).contentType(contentType).body(body).request(method.toUpperCase(), path);
    }

    private void check(String method, String path, String input, Response response, boolean mayBeAccepted) {
        int status = response.statusCode();
        String what = method.toUpperCase() + " " + path + " with " + input + ": " + status;
        if (status >= 500 || (!mayBeAccepted && status < 400)) {
            failures.add(what);
        } else if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            failures.add(what + " answered " + response.contentType());
        }
    }

    private static JsonNode resolve(JsonNode schema, JsonNode openApi) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return openApi.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    /** {@code /api/leads/{id}/accept} → a path with a well-formed id that names nothing. */
    private static String concrete(String template) {
        return template.replaceAll("\\{version}", "1").replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static String quoted(String text) {
        ObjectNode holder = EventCodec.mapper().createObjectNode().put("v", text);
        return holder.get("v").toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…(" + text.length() + " chars)";
    }
}
