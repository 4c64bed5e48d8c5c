package io.funnel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.funnel.events.Topics;
import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import io.funnel.local.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Faults while leads stream in: every service crashes (kill -9) and restarts in turn, the broker goes away and
 * comes back. Every lead capture acknowledged is then counted exactly once by reporting, and qualified once.
 */
class FaultToleranceIT {

    private static final Duration RECOVERY = Duration.ofMinutes(3);

    @Test
    void crashesAndABrokerOutageLoseAndDuplicateNothing() throws Exception {
        FunnelStack stack = SystemStack.get();
        LeadStream stream = new LeadStream(stack.url(FunnelService.CAPTURE), stack.apiKey(), 100);
        String prefix = stream.emailPrefix();
        try (stream) {
            for (FunnelService service : List.of(FunnelService.QUALIFICATION, FunnelService.PIPELINE,
                    FunnelService.REPORTING, FunnelService.CAPTURE)) {
                awaitMoreAcknowledged(stream, 10);
                stack.kill(service);
                if (service == FunnelService.CAPTURE) {
                    int refusedBefore = stream.refused();
                    await().atMost(RECOVERY).until(() -> stream.refused() > refusedBefore);
                }
                stack.start(service);
            }
            awaitMoreAcknowledged(stream, 10);
            stack.broker().stop();
            // 30 s of leads (one every 100 ms) go into capture's outbox while the broker is away.
            awaitMoreAcknowledged(stream, 300);
            stack.broker().start();
            awaitMoreAcknowledged(stream, 10);
        }
        int acknowledged = stream.acknowledged();

        StreamedLeads stored = StreamedLeads.stored(stack, prefix);
        assertThat(stored.size()).as("every 201 was stored (a crash may store one more whose answer was lost)")
                .isBetween(acknowledged, acknowledged + 1);
        stored.awaitCountedAndQualified(RECOVERY);
    }

    @Test
    void poisonRecordsOnEveryTopicGoToTheirDeadLetterTopicsAndConsumptionGoesOn() {
        FunnelStack stack = SystemStack.get();
        try (TopicProbe probe = TopicProbe.reading(stack.broker().bootstrapServers(),
                Topics.ALL.stream().map(Topics::deadLetter).toArray(String[]::new))) {
            for (String topic : List.of(Topics.LEADS, Topics.ACTIVITIES, Topics.QUALIFICATION, Topics.PIPELINE)) {
                probe.send(topic, "poison", "{\"truncated\": ", Map.of("ce_specversion", "1.0", "ce_id",
                        "poison-" + topic, "ce_type", "io.funnel.LeadCaptured.v1", "ce_source", "/fault-suite"));
            }
            await().atMost(RECOVERY).untilAsserted(() -> assertThat(probe.records())
                    .extracting(TopicProbe.Received::topic)
                    .contains(Topics.deadLetter(Topics.LEADS), Topics.deadLetter(Topics.ACTIVITIES),
                            Topics.deadLetter(Topics.QUALIFICATION), Topics.deadLetter(Topics.PIPELINE)));
        }
        List<Long> before = WalkingSkeletonIT.entered();
        Http.Reply reply = Http.apiKey(stack.apiKey()).postJson(stack.url(FunnelService.CAPTURE) + "/api/leads",
                "{\"email\":\"after.poison." + System.nanoTime() + "@obras.example\"}");
        assertThat(reply.status()).isEqualTo(201);
        await().atMost(RECOVERY).untilAsserted(() ->
                assertThat(WalkingSkeletonIT.entered().get(1)).isEqualTo(before.get(1) + 1));
    }

    private static void awaitMoreAcknowledged(LeadStream stream, int more) {
        int target = stream.acknowledged() + more;
        await().atMost(RECOVERY).until(() -> stream.acknowledged() >= target);
    }
}
