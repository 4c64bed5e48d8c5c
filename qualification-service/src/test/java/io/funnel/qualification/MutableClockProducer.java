package io.funnel.qualification;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Replaces the service's clock in tests, so they can move time instead of waiting. */
@Singleton
public class MutableClockProducer {

    private final MutableClock clock = new MutableClock();

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    Clock clock() {
        return clock;
    }

    @Produces
    @Singleton
    @Typed(MutableClock.class)
    MutableClock mutableClock() {
        return clock;
    }
}
