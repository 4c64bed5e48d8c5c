package io.funnel.reporting.webhooks;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** {@code funnel.webhooks.*}: how often and how hard deliveries are attempted, and which targets are allowed. */
@ConfigMapping(prefix = "funnel.webhooks")
public interface WebhookConfig {

    /** How often the dispatcher looks for due deliveries. */
    Duration pollInterval();

    /** Attempts under way at once in this instance. */
    int maxInFlight();

    /** For one attempt, from connecting to the end of the response. */
    Duration timeout();

    /** The wait after the first failed attempt; it doubles with each further failure. */
    Duration backoff();

    Duration maxBackoff();

    /** Attempts before a delivery is FAILED. */
    int maxAttempts();

    /**
     * How long this instance trusts what it read of the active webhooks' event types; a webhook created or changed
     * through another replica gets the events consumed here from at most this long after.
     */
    Duration subscriptionsMaxAge();

    /** Whether URLs may point to loopback, private and link-local addresses (tests and the local stack only). */
    boolean allowPrivateTargets();
}
