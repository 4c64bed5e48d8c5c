package io.funnel.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.local.FunnelTestResource;
import io.funnel.local.TopicProbe;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Reporting's live stream read in the background by a listener with a token, and the lines it has carried so far. */
final class LiveStreamLines implements AutoCloseable {

    private final HttpResponse<InputStream> response;
    private final Queue<String> lines = new ConcurrentLinkedQueue<>();

    LiveStreamLines(URI stream, String token) throws Exception {
        response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream)
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        CompletableFuture.runAsync(() -> new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add));
    }

    /** Publishes a new lead's {@code LeadCaptured} for reporting to project; the lead's id. */
    static UUID captureALead() {
        UUID lead = UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.reading(FunnelTestResource.broker().bootstrapServers())) {
            probe.publish(new LeadCaptured(lead, Scenario.PROFILE, null, null, null, Instant.now()),
                    UUID.randomUUID().toString());
        }
        return lead;
    }

    boolean announced(String type, UUID subject) {
        return lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains("\"" + type + "\"")
                && line.contains(subject.toString()));
    }

    @Override
    public void close() throws Exception {
        response.body().close();
    }
}
