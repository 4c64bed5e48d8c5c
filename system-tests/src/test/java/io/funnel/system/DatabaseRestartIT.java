package io.funnel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.funnel.local.FunnelService;
import io.funnel.local.FunnelStack;
import io.funnel.local.PostgresCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL really stops (pg_ctlcluster) while leads stream in: capture answers 503 with Retry-After, never a
 * 500, and recovers by itself when the server is back; every acknowledged lead is stored and counted once.
 */
class DatabaseRestartIT {

    private static final Duration RECOVERY = Duration.ofMinutes(3);

    @Test
    void captureRefusesWith503DuringTheOutageAndRecoversByItself() throws Exception {
        PostgresCluster cluster = PostgresCluster.local().orElse(null);
        Assumptions.assumeTrue(cluster != null, "needs the local Debian cluster (root): deploy/local/ensure-postgres.sh");
        FunnelStack stack = SystemStack.get();
        List<Long> before = WalkingSkeletonIT.entered();
        String prefix;
        int acknowledged;
        try (LeadStream stream = new LeadStream(stack.url(FunnelService.CAPTURE), stack.apiKey(), 100)) {
            prefix = stream.emailPrefix();
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
            acknowledged = stream.acknowledged();
            assertThat(stream.refused()).as("only 503s, no 500s or dropped connections")
                    .isEqualTo(stream.refusedWith(503));
        }

        long stored = stack.count(FunnelService.CAPTURE,
                "select count(*) from lead where email like '" + prefix + "%'");
        // A commit whose answer the dropped connection lost is stored yet answered 503 (a retry merges by e-mail).
        assertThat(stored).as("every 201 stored").isBetween((long) acknowledged, (long) acknowledged + 1);
        await().atMost(RECOVERY).untilAsserted(() ->
                assertThat(WalkingSkeletonIT.entered().get(1) - before.get(1)).as("leads counted").isEqualTo(stored));
    }

    private static void awaitMoreAcknowledged(LeadStream stream, int more) {
        int target = stream.acknowledged() + more;
        await().atMost(RECOVERY).until(() -> stream.acknowledged() >= target);
    }
}
