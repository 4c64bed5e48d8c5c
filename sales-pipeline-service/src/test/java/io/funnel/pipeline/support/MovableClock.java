package io.funnel.pipeline.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock in tests: stands still at a Monday morning until a test moves it. */
public final class MovableClock extends Clock {

    /** Monday 2 March 2026, 08:00 UTC (09:00 in Madrid). */
    public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    public static final MovableClock INSTANCE = new MovableClock();

    private volatile Instant now = START;

    private MovableClock() {
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void reset() {
        now = START;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
