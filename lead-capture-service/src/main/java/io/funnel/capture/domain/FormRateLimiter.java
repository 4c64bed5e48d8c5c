package io.funnel.capture.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A token bucket per client address for the public form endpoint: {@code burst} posts at once, refilled at
 * {@code per-minute}. In memory, per replica: it stops floods, not determined distributed attackers.
 */
@ApplicationScoped
public class FormRateLimiter {

    private static final int MAX_CLIENTS = 100_000;

    private record Bucket(double tokens, long updatedAtMillis, boolean granted) {
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int burst;
    private final double perMillisecond;

    public FormRateLimiter(Clock clock,
            @ConfigProperty(name = "funnel.forms.rate-limit.burst", defaultValue = "20") int burst,
            @ConfigProperty(name = "funnel.forms.rate-limit.per-minute", defaultValue = "60") int perMinute) {
        this.clock = clock;
        this.burst = burst;
        this.perMillisecond = perMinute / 60_000.0;
    }

    /** Takes one token; answers 0 when allowed, else the seconds to wait. */
    public long tryAcquire(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        long now = clock.millis();
        Bucket bucket = buckets.compute(client, (key, old) -> {
            double tokens = old == null ? burst
                    : Math.min(burst, old.tokens() + (now - old.updatedAtMillis()) * perMillisecond);
            return tokens >= 1 ? new Bucket(tokens - 1, now, true) : new Bucket(tokens, now, false);
        });
        return bucket.granted() ? 0 : (long) Math.max(1, Math.ceil((1 - bucket.tokens()) / perMillisecond / 1000));
    }
}
