package io.funnel.local.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting until something holds in two readings in a row (e.g. no consumer has records left). */
final class Quiet {

    private Quiet() {
    }

    /**
     * Reads {@code quiet} every half {@code apart} until it held twice, {@code apart} from one reading to the next;
     * answers the {@link System#nanoTime()} of the first of the two, or of the timeout.
     */
    static long await(BooleanSupplier quiet, Duration apart, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long since = 0;
        int quietReadings = 0;
        while (quietReadings < 2 && System.nanoTime() < deadline) {
            long now = System.nanoTime();
            if (!quiet.getAsBoolean()) {
                quietReadings = 0;
            } else if (quietReadings++ == 0) {
                since = now;
            }
            Thread.sleep(quietReadings == 0 ? apart.toMillis() / 2 : apart.toMillis());
        }
        return quietReadings == 2 ? since : System.nanoTime();
    }
}
