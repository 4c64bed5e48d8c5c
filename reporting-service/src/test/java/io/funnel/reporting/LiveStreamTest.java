package io.funnel.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.local.DevIssuer;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import io.funnel.platform.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** The live stream's choice of event types: an integration that wants only captures hears only of captures. */
@QuarkusTest
@WithTestResource(FunnelTestResource.class)
class LiveStreamTest {

    @TestHTTPResource("/api/stream")
    URI stream;

    @Test
    void aStreamOfSomeTypesCarriesTheProjectedEventsOfThoseTypes() throws Exception {
        HttpResponse<InputStream> live = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stream + "?type=LeadCaptured,LeadErased&type=LeadQualified"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + DevIssuer.token(Roles.MARKETING)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(live.statusCode()).isEqualTo(200);
        try (InputStream body = live.body()) {
            Queue<String> lines = new ConcurrentLinkedQueue<>();
            CompletableFuture.runAsync(() -> new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))
                    .lines().forEach(lines::add));
            UUID lead = UUID.randomUUID();
            try (TopicProbe probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers())) {
                probe.publish(new LeadCaptured(lead, Scenario.PROFILE, null, null, null, Instant.now()),
                        UUID.randomUUID().toString());
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> lines.stream().anyMatch(line ->
                    line.startsWith("data:") && line.contains("\"LeadCaptured\"") && line.contains(lead.toString())));
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
