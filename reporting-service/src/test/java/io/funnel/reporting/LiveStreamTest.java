package io.funnel.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.funnel.local.DevIssuer;
import io.funnel.local.FunnelTestResource;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The live stream's choice of event types: an integration that wants only captures hears only of captures. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
class LiveStreamTest {

    @TestHTTPResource("/api/stream")
    URI stream;

    @Test
    void aStreamOfSomeTypesCarriesTheProjectedEventsOfThoseTypes() throws Exception {
        URI someTypes = URI.create(stream + "?type=LeadCaptured,LeadErased&type=LeadQualified");
        try (LiveStreamLines live = new LiveStreamLines(someTypes, DevIssuer.token(Roles.MARKETING))) {
            UUID lead = LiveStreamLines.captureALead();
            await().atMost(Duration.ofSeconds(15)).until(() -> live.announced("LeadCaptured", lead));
        }
    }

    @Test
    void aTypeThatIsNoEventTypeIs400NamingTheParameter() {
        given().auth().oauth2(DevIssuer.token(Roles.MARKETING)).accept("text/event-stream")
                .queryParam("type", "LeadCaptured,LeadCreated")
                .get("/api/stream")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("LeadCaptured"));
    }
}
