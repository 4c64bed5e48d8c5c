package io.funnel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.funnel.events.Topics;
import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import io.funnel.local.TopicProbe;
import io.funnel.local.TopicProbe.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The four services as separate processes, a real broker and PostgreSQL: a lead flows from capture to the funnel. */
class WalkingSkeletonIT {

    private static FunnelStack stack;

    @BeforeAll
    static void startStack() {
        stack = SystemStack.get();
    }

    @Test
    void postedLeadsAreCountedPerStageAndADuplicateDeliveryOnce() {
        String capture = stack.url(FunnelService.CAPTURE) + "/api/leads";
        List<Long> before = entered();
        List<String> leadIds = new ArrayList<>();
        for (String lead : List.of(
                lead("ana", "Head of Operations", 250, "construction"),
                lead("luis", "Procurement Director", 1200, "real-estate"),
                lead("sara", "Student", 0, "retail"))) {
            Http.Reply reply = Http.apiKey(stack.apiKey()).postJson(capture, lead);
            assertThat(reply.status()).isEqualTo(201);
            leadIds.add(reply.body().get("leadId").asText());
        }

        List<Long> expected = plus(before, 3, 3, 2, 0, 0, 0);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(entered()).isEqualTo(expected));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode queue = Http.as("sales-manager").get(stack.url(FunnelService.PIPELINE) + "/api/queue").body();
            List<String> queued = StreamSupport.stream(queue.spliterator(), false)
                    .map(l -> l.get("leadId").asText()).toList();
            assertThat(queued).contains(leadIds.get(0), leadIds.get(1)).doesNotContain(leadIds.get(2));
        });

        double duplicatesBefore = duplicateLeadsCaptured();
        try (TopicProbe probe = TopicProbe.reading(stack.broker().bootstrapServers(), Topics.LEADS)) {
            Received captured = probe.readToEnd().stream()
                    .filter(r -> "io.funnel.LeadCaptured.v1".equals(r.header("ce_type")))
                    .filter(r -> r.key().equals(leadIds.get(2))).findFirst().orElseThrow();
            probe.send(captured.topic(), captured.key(), captured.value(), captured.headers());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> duplicateLeadsCaptured() >= duplicatesBefore + 1);
        assertThat(entered()).isEqualTo(expected);
    }

    /** Re-delivered LeadCaptured records reporting recognised and skipped (other tests' crashes add to it too). */
    private static double duplicateLeadsCaptured() {
        return Http.anonymous().text(stack.url(FunnelService.REPORTING) + "/q/metrics").lines()
                .filter(l -> l.startsWith("funnel_events_consumed_total{") && l.contains("duplicate=\"true\"")
                        && l.contains("LeadCaptured"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static List<Long> plus(List<Long> base, long... delta) {
        List<Long> sum = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            sum.add(base.get(i) + delta[i]);
        }
        return sum;
    }

    /** Entered counts per funnel stage, VISITOR to CUSTOMER, as reporting answers now. */
    static List<Long> entered() {
        JsonNode funnel = Http.as("revenue-ops").get(SystemStack.get().url(FunnelService.REPORTING) + "/api/funnel")
                .body();
        return StreamSupport.stream(funnel.get("stages").spliterator(), false)
                .map(s -> s.get("entered").asLong()).toList();
    }

    private static String lead(String name, String title, int size, String industry) {
        return """
                {"email":"%s.%s@obras.example","firstName":"%s","jobTitle":"%s","companySize":%d,"industry":"%s",
                 "country":"ES","source":"webinar"}""".formatted(name, UUID.randomUUID(), name, title, size, industry);
    }
}
