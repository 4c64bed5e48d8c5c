package io.funnel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import io.funnel.local.PostgresCluster;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL really stops (pg_ctlcluster) while leads stream in: capture answers 503 with Retry-After, never a
 * 500, and recovers by itself when the server is back; every acknowledged lead is stored, counted once and
 * qualified.
 */
class DatabaseRestartIT {

    private static final Duration RECOVERY = Duration.ofMinutes(3);

    @Test
    void captureRefusesWith503DuringTheOutageAndRecoversByItself() throws Exception {
        PostgresCluster cluster = PostgresCluster.local().orElse(null);
        Assumptions.assumeTrue(cluster != null, "needs the local Debian cluster (root): deploy/local/ensure-postgres.sh");
        FunnelStack stack = SystemStack.get();
        LeadStream stream = new LeadStream(stack.url(FunnelService.CAPTURE), stack.apiKey(), 100);
        String prefix = stream.emailPrefix();
        try (stream) {
            awaitMoreAcknowledged(stream, 10);
            cluster.stop();
            try {
                int unavailable = stream.refusedWith(503);
                await().atMost(RECOVERY).until(() -> stream.refusedWith(503) >= unavailable + 5);
                Http.Reply refused = Http.apiKey(stack.apiKey()).postJson(stack.url(FunnelService.CAPTURE)
                        + "/api/leads", "{\"email\":\"" + prefix + "direct@obras.example\"}");
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.body().get("status").asInt()).isEqualTo(503);
            } finally {
                cluster.start();
            }
            awaitMoreAcknowledged(stream, 10);
        }
        int acknowledged = stream.acknowledged();
        assertThat(stream.refusedStatuses()).as("only 503s, no 500s or dropped connections (-1)")
                .containsOnlyKeys(503);

        StreamedLeads stored = StreamedLeads.stored(stack, prefix);
        // A commit whose answer the dropped connection lost is stored yet answered 503 (a retry merges by e-mail).
        assertThat(stored.size()).as("every 201 stored").isBetween(acknowledged, acknowledged + 1);
        stored.awaitCountedAndQualified(RECOVERY);
    }

    private static void awaitMoreAcknowledged(LeadStream stream, int more) {
        int target = stream.acknowledged() + more;
        await().atMost(RECOVERY).until(() -> stream.acknowledged() >= target);
    }
}
