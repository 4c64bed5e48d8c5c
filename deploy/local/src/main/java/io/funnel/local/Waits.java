package io.funnel.local;

import java.time.Duration;

final class Waits {

    private Waits() {
    }

    /** A pause between polls of something outside this JVM (a port, a process, a probe). */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
