package io.funnel.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.funnel.local.WithToken;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.funnel.local.FunnelTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing of the public JSON endpoints (jqwik generators): whatever arrives, the answer is a 2xx or a
 * 4xx problem+json, never a 5xx.
 */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
@WithToken(roles = Roles.CAPTURE)
class HostileInputTest {

    private static final List<String> NASTY = List.of("", " ", "null", "'; drop table lead; --",
            "<script>alert(1)</script>", "\u0000", "\uD83D\uDE00", "a".repeat(5000), "-1", "1e309",
            "99999999999999999999999", "{}", "[]", "\\", "\"", "@", "a@", "@b", "x@y.z", "%00", "../../etc/passwd");

    @Test
    void randomLeadBodiesNeverCauseA5xx() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of(NASTY).map(HostileInputTest::quoted),
                Arbitraries.strings().ofMaxLength(300).map(HostileInputTest::quoted),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "[]", "{}", "[1,2]", "{\"a\":{\"b\":[]}}", "1.5e400"));
        Arbitrary<String> key = Arbitraries.of("email", "firstName", "companySize", "country", "utm", "consent",
                "fields", "visitorId", "phone", "unknown", "");
        Arbitrary<String> body = Combinators.combine(key, value).as((k, v) -> quoted(k) + ":" + v)
                .list().ofMaxSize(8).map(pairs -> "{" + String.join(",", pairs) + "}");
        body.sampleStream().limit(150).forEach(json -> assertNoServerError(post("/api/leads", json), json));
        Arbitraries.strings().ofMaxLength(200).sampleStream().limit(50)
                .forEach(raw -> assertNoServerError(post("/api/leads", raw), raw));
        body.sampleStream().limit(50).forEach(json -> assertNoServerError(post("/api/activities", json), json));
    }

    @Test
    void deeplyNestedJsonIsRefusedCleanly() {
        String bomb = "[".repeat(5000) + "]".repeat(5000);
        assertNoServerError(post("/api/leads", bomb), "nested arrays");
        assertNoServerError(post("/api/activities", bomb), "nested arrays");
    }

    @Test
    void bodyOver64KiBIs413() {
        String huge = "{\"email\":\"big@acme.example\",\"firstName\":\"" + "x".repeat(70 * 1024) + "\"}";
        Response response = post("/api/leads", huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static Response post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).post(path);
    }

    private static void assertNoServerError(Response response, String input) {
        assertThat(response.statusCode()).as("status for %s", input).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.contentType()).as("content type for %s", input).startsWith("application/problem+json");
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
