package io.funnel.local.bench;

import io.funnel.events.EventCodec;
import io.funnel.events.EventTypes;
import io.funnel.events.FunnelEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./funnel bench codec}: the CPU of writing and reading events as JSON, alone in this JVM, over the rebuild's
 * mix of synthetic events. Every service encodes what it publishes and decodes what it consumes, and the rebuild
 * decodes every event of every topic on one thread. Rounds until the JIT settles; the last ones count.
 */
final class CodecSpeed {

    private static final int EVENTS = 200_000;
    private static final int ROUNDS = 10;
    private static final int COUNTED = 3;

    private CodecSpeed() {
    }

    static String run() {
        SyntheticFunnel funnel = new SyntheticFunnel(7, Instant.parse("2026-12-01T00:00:00Z"));
        List<FunnelEvent> events = new ArrayList<>();
        while (events.size() < EVENTS) {
            events.addAll(funnel.nextLead());
        }
        List<String> types = events.stream().map(EventTypes::typeOf).toList();
        List<byte[]> records = events.stream().map(e -> EventCodec.encode(e).getBytes(StandardCharsets.UTF_8)).toList();
        StringBuilder table = new StringBuilder("| round | encode ns/event | decode ns/event |\n|---|---|---|\n");
        long checksum = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            long start = System.nanoTime();
            for (FunnelEvent event : events) {
                checksum += EventCodec.encode(event).length();
            }
            long encoded = System.nanoTime();
            for (int i = 0; i < records.size(); i++) {
                checksum += EventCodec.decode(types.get(i), records.get(i)).occurredAt().getNano();
            }
            long decoded = System.nanoTime();
            if (round > ROUNDS - COUNTED) {
                table.append("| %d | %.0f | %.0f |%n".formatted(round, (encoded - start) / (double) events.size(),
                        (decoded - encoded) / (double) events.size()));
            }
        }
        return "## Event codec: JSON per event, %,d synthetic events, last %d of %d rounds (checksum %d)%n%n%s"
                .formatted(events.size(), COUNTED, ROUNDS, checksum, table);
    }
}
