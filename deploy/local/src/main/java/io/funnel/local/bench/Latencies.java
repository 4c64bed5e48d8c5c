package io.funnel.local.bench;

import java.util.Arrays;

/** Recorded latencies in microseconds, with the percentiles a report needs. Not thread-safe: one per worker. */
final class Latencies {

    private long[] micros = new long[1024];
    private int count;

    void record(long latencyMicros) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = latencyMicros;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            record(other.micros[i]);
        }
    }

    int count() {
        return count;
    }

    /** The latency in milliseconds below which {@code percent} of the samples fall. */
    double percentileMillis(double percent) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1000.0;
    }
}
