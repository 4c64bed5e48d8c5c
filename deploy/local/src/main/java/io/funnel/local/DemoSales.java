package io.funnel.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.funnel.events.EventCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The sales half of the demo, through the public APIs: the signed agreement, four reps covering the demo's countries,
 * and, once the MQLs are assigned, contacts, acceptances and rejections with reasons, opportunities won and lost with
 * objections, so that every panel of the dashboard has something to show.
 */
final class DemoSales {

    private static final List<String> REPS = List.of("Lucia Ortega", "Mateo Rivas", "Sofia Campos", "Diego Herrera");
    private static final List<String> REJECTIONS = List.of("NO_BUDGET", "BAD_FIT", "TIMING", "NO_AUTHORITY");
    private static final List<String> OBJECTIONS = List.of("price", "integration with our ERP", "implementation time");

    // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on the first request, body and all.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Random random = new Random(7);
    private final String pipeline;
    private final List<String> repIds = new ArrayList<>();

    /** The demo's sales lead runs revenue operations too: the agreement, the reps and every queue. */
    private final String token = DevIssuer.token("luis@sales.example", List.of("sales-manager", "revenue-ops"),
            Duration.ofHours(1));

    private DemoSales(String pipeline) {
        this.pipeline = pipeline;
    }

    /** Signs the agreement and hires the reps; call before the leads arrive so MQLs are assigned at once. */
    static DemoSales prepare(FunnelStack stack) throws IOException, InterruptedException {
        DemoSales sales = new DemoSales(stack.url(FunnelService.PIPELINE));
        sales.send(stack.url(FunnelService.REPORTING) + "/api/agreement", "PUT", """
                {"mqlThreshold":50,"mqlsPerMonth":40,"acceptedShare":0.6,"firstContactHours":4,"decisionDays":5,
                 "revenueTargetPerMonth":120000,"currency":"EUR","marketingOwner":"Marta (marketing)",
                 "salesOwner":"Luis (sales)","effectiveFrom":"2026-01-01T00:00:00Z"}""");
        for (String name : REPS) {
            JsonNode rep = sales.send(sales.pipeline + "/api/reps", "POST", """
                    {"name":"%s","email":"%s@sales.example","territories":["ES","MX","CO","AR","US","CL"],
                     "capacity":40,"timeZone":"Europe/Madrid"}""".formatted(name, name.split(" ")[0].toLowerCase()));
            sales.repIds.add(rep.get("id").asText());
        }
        return sales;
    }

    /** Works each rep's queue: every lead contacted, most accepted, accepted ones opened, won or lost. */
    void workTheQueues(PrintStream out) throws IOException, InterruptedException {
        int accepted = 0;
        int rejected = 0;
        int won = 0;
        for (String repId : repIds) {
            for (JsonNode lead : send(pipeline + "/api/queue?rep=" + repId, "GET", null)) {
                String leadId = lead.get("leadId").asText();
                send(pipeline + "/api/leads/" + leadId + "/contacts", "POST",
                        "{\"channel\":\"CALL\",\"outcome\":\"reached\",\"note\":\"Discovery call\"}");
                if (random.nextInt(10) < 3) {
                    send(pipeline + "/api/leads/" + leadId + "/reject", "POST", "{\"reason\":\"%s\"}"
                            .formatted(REJECTIONS.get(random.nextInt(REJECTIONS.size()))));
                    rejected++;
                    continue;
                }
                send(pipeline + "/api/leads/" + leadId + "/accept", "POST", "");
                accepted++;
                if (closeDeal(leadId)) {
                    won++;
                }
            }
        }
        out.printf("demo: sales accepted %d MQLs, rejected %d, won %d deals%n", accepted, rejected, won);
    }

    private boolean closeDeal(String leadId) throws IOException, InterruptedException {
        int amount = 8_000 + 1_000 * random.nextInt(30);
        String opportunityId = send(pipeline + "/api/opportunities", "POST", """
                {"leadId":"%s","amount":%d,"currency":"EUR","expectedCloseDate":"%s","stage":"discovery"}"""
                .formatted(leadId, amount, LocalDate.now().plusMonths(2))).get("id").asText();
        String objection = OBJECTIONS.get(random.nextInt(OBJECTIONS.size()));
        int outcome = random.nextInt(10);
        if (outcome < 4) {
            send(pipeline + "/api/opportunities/" + opportunityId + "/won", "POST", "{\"amount\":%d}".formatted(amount));
            return true;
        }
        if (outcome < 7) {
            send(pipeline + "/api/opportunities/" + opportunityId + "/lost", "POST",
                    "{\"reason\":\"went with a competitor\",\"objection\":\"%s\"}".formatted(objection));
        } else {
            send(pipeline + "/api/objections", "POST", "{\"leadId\":\"%s\",\"opportunityId\":\"%s\",\"category\":\"%s\"}"
                    .formatted(leadId, opportunityId, objection));
        }
        return false;
    }

    private JsonNode send(String url, String method, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.GET();
        } else if (body.isEmpty()) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? EventCodec.readTree("{}") : EventCodec.readTree(response.body());
    }
}
