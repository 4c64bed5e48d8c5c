package io.funnel.reporting.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A CRM's webhook endpoint on 127.0.0.1: records every request and answers each path as the test says, given how
 * many times it has now received that event.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The status to answer to the n-th receipt (from 1) of an event id at a path. */
    @FunctionalInterface
    interface Answer {
        int status(int receipt) throws InterruptedException;
    }

    record Request(String path, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String eventId() {
            return json().path("id").asText();
        }

        /** The check a receiver makes: t=<seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>. */
        boolean signedWith(String secret) {
            Map<String, String> parts = java.util.Arrays.stream(header("X-Funnel-Signature").split(","))
                    .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> p[1]));
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                byte[] expected = mac.doFinal((parts.get("t") + "." + body).getBytes(StandardCharsets.UTF_8));
                return MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.get("v1")));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> receipts = new ConcurrentHashMap<>();

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path that answers {@code answer}; paths not told answer 204. */
    String url(String path, Answer answer) {
        answers.put(path, answer);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** What arrived at {@code path} for the event {@code eventId}, in arrival order. */
    List<Request> received(String path, String eventId) {
        return received.stream().filter(r -> r.path().equals(path) && r.eventId().equals(eventId)).toList();
    }

    /** What arrived at {@code path} about a subject (a lead id). */
    List<Request> about(String path, String subject) {
        return received.stream().filter(r -> r.path().equals(path)
                && subject.equals(r.json().path("subject").asText())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream().collect(Collectors.toMap(
                    h -> h.getKey().toLowerCase(Locale.ROOT), h -> String.join(",", h.getValue())));
            Request request = new Request(exchange.getRequestURI().getPath(), headers, body);
            received.add(request);
            int receipt = receipts.merge(request.path() + " " + request.eventId(), 1, Integer::sum);
            int status = answers.getOrDefault(request.path(), n -> 204).status(receipt);
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
