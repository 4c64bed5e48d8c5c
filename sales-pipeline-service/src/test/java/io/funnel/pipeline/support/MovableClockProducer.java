package io.funnel.pipeline.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Replaces the platform's system clock in every test of this module. */
@ApplicationScoped
public class MovableClockProducer {

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    Clock clock() {
        return MovableClock.INSTANCE;
    }
}
