package io.funnel.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.funnel.events.EventCodec;
import io.funnel.local.DevIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Starts reporting's projection rebuild ({@code POST /api/admin/rebuild}) and polls its status until it is
 * {@code DONE} or {@code FAILED}; the rate is the replayed events over the service's own start and finish times.
 */
final class RebuildTimer {

    record Result(String state, long events, double seconds, String error) {

        double perSecond() {
            return seconds > 0 ? events / seconds : 0;
        }
    }

    private static final Duration POLL = Duration.ofMillis(200);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI rebuild;
    private final String authorization = "Bearer " + DevIssuer.token("revenue-ops");

    RebuildTimer(String reportingUrl) {
        this.rebuild = URI.create(reportingUrl + "/api/admin/rebuild");
    }

    Result run(Duration timeout) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(rebuild).header("Authorization", authorization).POST(HttpRequest.BodyPublishers
                .noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("POST " + rebuild + " answered " + started.statusCode() + ": "
                    + started.body());
        }
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            JsonNode status = EventCodec.readTree(http.send(HttpRequest.newBuilder(rebuild).header("Authorization", authorization).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String state = status.path("state").asText();
            if (state.equals("DONE") || state.equals("FAILED")) {
                double seconds = serviceSeconds(status, (System.nanoTime() - start) / 1e9);
                return new Result(state, status.path("eventsReplayed").asLong(), seconds,
                        status.path("error").isTextual() ? status.path("error").asText() : null);
            }
        }
        throw new IllegalStateException("The rebuild did not finish within " + timeout);
    }

    /** The service's startedAt to finishedAt, or the time this side waited if it does not tell. */
    private static double serviceSeconds(JsonNode status, double waited) {
        JsonNode started = status.path("startedAt");
        JsonNode finished = status.path("finishedAt");
        if (!started.isTextual() || !finished.isTextual()) {
            return waited;
        }
        return Duration.between(Instant.parse(started.asText()), Instant.parse(finished.asText())).toNanos() / 1e9;
    }
}
