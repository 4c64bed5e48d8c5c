package io.funnel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person's data travels through every service (capture, scoring, a rep's call notes) and disappears from all of
 * them when they ask to be forgotten; no service ever writes it to its log.
 */
class PersonalDataIT {

    private static FunnelStack stack;

    @BeforeAll
    static void startStack() {
        stack = SystemStack.get();
    }

    @Test
    void erasureRemovesThePersonFromEveryServiceAndNoLogEverNamedThem() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = "Zelmira" + tag;
        String last = "Quintanar" + tag;
        String email = "zq." + tag + "@obras.example";
        String phone = "+34 91" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        String capture = stack.url(FunnelService.CAPTURE) + "/api/leads";
        String pipeline = stack.url(FunnelService.PIPELINE);
        Http integration = Http.apiKey(stack.apiKey());
        Http manager = Http.as("sales-manager");

        // A CRM receiving LeadCaptured by webhook: reporting stores the payload it sends, personal data included.
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer crm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        crm.createContext("/hooks", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        crm.start();
        Http.Reply webhook = Http.as("admin").postJson(stack.url(FunnelService.REPORTING) + "/api/webhooks", """
                {"url":"http://127.0.0.1:%d/hooks","eventTypes":["io.funnel.LeadCaptured.v1"]}"""
                .formatted(crm.getAddress().getPort()));
        assertThat(webhook.status()).isEqualTo(201);

        // A rep for a territory no other test uses, so that this lead is assigned to them.
        Http.Reply rep = manager.postJson(pipeline + "/api/reps", """
                {"name":"Erasure rep","email":"erasure.%s@sales.example","territories":["AQ"],"capacity":50,
                 "timeZone":"UTC"}""".formatted(tag));
        assertThat(rep.status()).isEqualTo(201);
        Http.Reply captured = integration.postJson(capture, """
                {"email":"%s","firstName":"%s","lastName":"%s","phone":"%s","jobTitle":"Head of Operations",
                 "companySize":300,"industry":"construction","country":"AQ","source":"erasure"}"""
                .formatted(email, first, last, phone));
        assertThat(captured.status()).isEqualTo(201);
        String leadId = captured.body().get("leadId").asText();
        assertThat(integration.postJson(capture, """
                {"email":"%s","phone":"%s"}""".formatted(email.toUpperCase(Locale.ROOT), phone)).status())
                .isEqualTo(200);
        assertThat(integration.postJson(capture, """
                {"email":"not an address %s","firstName":"%s","phone":"%s"}""".formatted(last, first, phone))
                .status()).isEqualTo(422);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                manager.get(pipeline + "/api/leads/" + leadId).body().path("repId").asText())
                .isEqualTo(rep.body().get("id").asText()));
        assertThat(manager.postJson(pipeline + "/api/leads/" + leadId + "/contacts", """
                {"channel":"CALL","outcome":"Spoke to %s","note":"Called %s %s on %s"}"""
                .formatted(first, first, last, phone)).status()).isBetween(200, 299);
        await().atMost(Duration.ofSeconds(60)).until(() -> received.stream().anyMatch(body -> body.contains(email)));
        assertThat(PersonalDataScan.tracesOf(stack, last)).as("the scan sees what is stored")
                .contains("reporting-service.webhook_delivery.payload");

        assertThat(Http.as("admin").delete(capture + "/" + leadId).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String personal : List.of(email, first, last, phone)) {
                assertThat(PersonalDataScan.tracesOf(stack, personal)).as(personal).isEmpty();
            }
        });
        for (String personal : List.of(email, first, last, phone)) {
            assertThat(logsMentioning(personal)).as("logs naming " + personal).isEmpty();
        }
        crm.stop(0);
    }

    private static List<Path> logsMentioning(String personal) throws IOException {
        try (Stream<Path> logs = Files.list(stack.logDir())) {
            return logs.filter(log -> read(log).toLowerCase(Locale.ROOT).contains(personal.toLowerCase(Locale.ROOT)))
                    .toList();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
