package io.funnel.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.funnel.local.DevIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A small JSON-over-HTTP client for the services under test, calling as a role, with an API key or anonymously. */
final class Http {

    record Reply(int status, JsonNode body) {
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String header;
    private final String credential;

    private Http(String header, String credential) {
        this.header = header;
        this.credential = credential;
    }

    /** The public edge: no credentials. */
    static Http anonymous() {
        return new Http(null, null);
    }

    /** The local user of a role, with a token of the development issuer. */
    static Http as(String role) {
        return new Http("Authorization", "Bearer " + DevIssuer.token(role));
    }

    /** An integration posting leads with capture's {@code X-Api-Key}. */
    static Http apiKey(String key) {
        return new Http("X-Api-Key", key);
    }

    Reply get(String url) {
        return send(request(url).GET().build());
    }

    String text(String url) {
        try {
            return CLIENT.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply postJson(String url, String body) {
        return send(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Reply delete(String url) {
        return send(request(url).DELETE().build());
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
        return header == null ? builder : builder.header(header, credential);
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
