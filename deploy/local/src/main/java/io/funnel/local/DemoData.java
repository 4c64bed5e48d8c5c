package io.funnel.local;

import io.funnel.events.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

/**
 * A realistic demo data set posted through the public capture API, for a B2B construction-software company:
 * a campaign and content calendar, 6,000 anonymous visitors with a few page views each, and 240 of them (4 %)
 * identifying through a form with a mixed fit, so that 15-40 % qualify; then the sales side ({@link DemoSales}).
 */
public final class DemoData {

    public static final int VISITORS = 6_000;
    public static final int LEADS = 240;

    private static final List<String> TITLES = List.of("Head of Operations", "Project Manager", "CEO", "Student",
            "Site Engineer", "Procurement Director", "Marketing Intern", "VP Engineering", "Office Assistant",
            "Construction Manager");
    private static final List<String> INDUSTRIES = List.of("construction", "real-estate", "education", "finance",
            "retail");
    private static final List<String> COUNTRIES = List.of("ES", "MX", "CO", "AR", "US", "CL");
    private static final List<String> SOURCES = List.of("webinar", "organic", "paid-search", "linkedin", "referral");
    private static final List<String> CAMPAIGNS = List.of("spring-bim-webinar", "cost-control-ebook",
            "site-safety-checklist");
    private static final List<String> PAGES = List.of("/", "/pricing", "/blog/bim-basics", "/blog/cost-control",
            "/guides/site-safety", "/customers", "/demo");
    private static final List<String> DOMAINS = List.of("constructora-%d.example", "gmail.com", "inmobiliaria-%d.example",
            "grupo-%d.example", "hotmail.com");
    private static final List<Integer> SIZES = List.of(4, 12, 45, 120, 350, 900, 2500);

    // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on the first request, body and all.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String captureUrl;
    private final String apiKey;
    private final String marketing = DevIssuer.token("marketing");
    private final Random random = new Random(42);

    private DemoData(String captureUrl, String apiKey) {
        this.captureUrl = captureUrl;
        this.apiKey = apiKey;
    }

    public static void feed(FunnelStack stack, PrintStream out) {
        try {
            DemoSales sales = DemoSales.prepare(stack);
            new DemoData(stack.url(FunnelService.CAPTURE), stack.apiKey()).feed(out);
            awaitAssignments(stack.broker());
            sales.workTheQueues(out);
        } catch (IOException e) {
            out.println("demo: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void feed(PrintStream out) throws IOException, InterruptedException {
        calendar();
        List<String> batch = new ArrayList<>();
        for (int v = 0; v < VISITORS; v++) {
            for (int views = 1 + random.nextInt(3); views > 0; views--) {
                batch.add("{\"visitorId\":\"demo-v%d\",\"type\":\"PAGE_VIEW\",\"url\":\"https://obras.example%s\"}"
                        .formatted(v, pick(PAGES)));
            }
            if (batch.size() >= 450) {
                post("/api/activities", "[" + String.join(",", batch) + "]");
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            post("/api/activities", "[" + String.join(",", batch) + "]");
        }
        int accepted = 0;
        for (int i = 0; i < LEADS; i++) {
            String visitor = "demo-v" + (i * (VISITORS / LEADS));
            post("/api/activities", "{\"visitorId\":\"%s\",\"type\":\"CONTENT_DOWNLOAD\",\"contentId\":\"%s\",\"campaign\":\"%s\"}"
                    .formatted(visitor, "guide-" + (i % 3), pick(CAMPAIGNS)));
            if (post("/api/leads", leadJson(i, visitor)) / 100 == 2) {
                accepted++;
            }
        }
        out.printf("demo: %d visitors with page views, %d leads posted (%d accepted), campaigns and content launched%n",
                VISITORS, LEADS, accepted);
    }

    /** Until qualification has scored every lead and the pipeline has taken every MQL (twice in a row, 1 s apart). */
    private static void awaitAssignments(KafkaBroker broker) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        int settled = 0;
        while (settled < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            boolean idle = broker.lag(FunnelService.QUALIFICATION.module(), Topics.LEADS) == 0
                    && broker.lag(FunnelService.PIPELINE.module(), Topics.QUALIFICATION) == 0;
            settled = idle ? settled + 1 : 0;
        }
    }

    private void calendar() throws IOException, InterruptedException {
        for (String campaign : CAMPAIGNS) {
            String body = "{\"name\":\"%s\",\"channel\":\"%s\",\"startsOn\":\"2026-09-01\",\"endsOn\":\"2026-12-31\"}"
                    .formatted(campaign, pick(SOURCES));
            String id = idOf(send("/api/campaigns", body).body());
            if (id != null) {
                send("/api/campaigns/" + id + "/launch", "");
                String content = send("/api/content", "{\"title\":\"%s guide\",\"format\":\"ebook\",\"campaignId\":\"%s\",\"author\":\"Marta\"}"
                        .formatted(campaign, id)).body();
                String contentId = idOf(content);
                if (contentId != null) {
                    send("/api/content/" + contentId + "/publish", "");
                }
            }
        }
    }

    String leadJson(int i, String visitorId) {
        String domain = pick(DOMAINS).formatted(i % 60);
        StringJoiner json = new StringJoiner(",", "{", "}");
        json.add("\"email\":\"demo.lead%d@%s\"".formatted(i, domain));
        json.add("\"firstName\":\"Demo\",\"lastName\":\"Lead %d\",\"company\":\"Company %d\"".formatted(i, i % 60));
        json.add("\"jobTitle\":\"%s\",\"companySize\":%d".formatted(pick(TITLES), pick(SIZES)));
        json.add("\"industry\":\"%s\",\"country\":\"%s\"".formatted(pick(INDUSTRIES), pick(COUNTRIES)));
        json.add("\"source\":\"%s\",\"campaign\":\"%s\",\"visitorId\":\"%s\"".formatted(pick(SOURCES),
                pick(CAMPAIGNS), visitorId));
        json.add("\"consent\":{\"marketing\":true,\"text\":\"I agree to receive information\",\"version\":\"2026-01\"}");
        return json.toString();
    }

    private int post(String path, String body) throws IOException, InterruptedException {
        return send(path, body).statusCode();
    }

    private HttpResponse<String> send(String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(captureUrl + path))
                .timeout(Duration.ofSeconds(30));
        if (path.equals("/api/leads")) {
            request.header("X-Api-Key", apiKey);
        } else if (!path.equals("/api/activities")) {
            request.header("Authorization", "Bearer " + marketing);
        }
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String idOf(String json) {
        int at = json.indexOf("\"id\":\"");
        return at < 0 ? null : json.substring(at + 6, json.indexOf('"', at + 6));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
