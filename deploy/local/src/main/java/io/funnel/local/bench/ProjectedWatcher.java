package io.funnel.local.bench;

import io.funnel.local.DevIssuer;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Notes when reporting has projected each captured lead, i.e. when the lead counts in {@code GET /api/funnel}:
 * reporting's live stream ({@code GET /api/stream}, server-sent events) announces an event once its projection has
 * committed, with the lead id as subject. It asks for {@code LeadCaptured} only, a fifth of a lead's announcements,
 * so that the instrument writes as little as it can on the machine it measures.
 */
final class ProjectedWatcher implements AutoCloseable {

    private static final String CAPTURED = "\"type\":\"LeadCaptured\"";
    private static final String SUBJECT = "\"subject\":\"";

    private final Map<String, Long> seenAtNanos = new ConcurrentHashMap<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> stream;

    ProjectedWatcher(String reportingUrl) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(reportingUrl + "/api/stream?type=LeadCaptured"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + DevIssuer.token("revenue-ops"))
                .GET().build();
        CompletableFuture<Void> open = new CompletableFuture<>();
        stream = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> {
            if (response.statusCode() != 200) {
                open.completeExceptionally(new IllegalStateException("GET /api/stream answered "
                        + response.statusCode()));
                return;
            }
            open.complete(null);
            Thread reader = new Thread(() -> read(response.body()), "bench-projected-watcher");
            reader.setDaemon(true);
            reader.start();
        });
        open.get();
    }

    /** Reads until {@link #close()} closes the stream. */
    private void read(Stream<String> lines) {
        try {
            lines.forEach(this::note);
        } catch (UncheckedIOException closed) {
            // the watcher was closed: the phase is over
        }
    }

    private void note(String line) {
        if (line.startsWith("data:") && line.contains(CAPTURED)) {
            int start = line.indexOf(SUBJECT) + SUBJECT.length();
            seenAtNanos.putIfAbsent(line.substring(start, line.indexOf('"', start)), System.nanoTime());
        }
    }

    Map<String, Long> seenAtNanos() {
        return seenAtNanos;
    }

    @Override
    public void close() {
        stream.thenAccept(response -> response.body().close());
        stream.cancel(true);
    }
}
