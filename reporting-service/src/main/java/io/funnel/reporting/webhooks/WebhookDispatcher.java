package io.funnel.reporting.webhooks;

import io.funnel.platform.SafeContext;
import io.funnel.reporting.webhooks.Deliveries.Due;
import io.funnel.reporting.webhooks.Deliveries.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends the due deliveries. Each poll claims what is due ({@code for update skip locked}, so replicas share the work)
 * up to the free attempt slots, and leases it; every attempt then runs on its own and records its outcome as soon as
 * it has one, so a slow receiver holds up nobody else. A 2xx delivers; anything else is retried after
 * {@link RetryPolicy}'s back-off until the attempts run out, then the delivery is FAILED.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** Beyond the attempt's own timeout: time to record its outcome before another poll may take it again. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final Deliveries deliveries;
    private final WebhookSender sender;
    private final RetryPolicy retry;
    private final Clock clock;
    private final SafeContext safeContext;
    private final int maxInFlight;
    private final Duration lease;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter delivered;
    private final Counter failed;
    private final Counter exhausted;

    public WebhookDispatcher(Deliveries deliveries, WebhookSender sender, WebhookConfig config, Clock clock,
            SafeContext safeContext, MeterRegistry registry) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.retry = RetryPolicy.of(config);
        this.clock = clock;
        this.safeContext = safeContext;
        this.maxInFlight = config.maxInFlight();
        this.lease = config.timeout().plus(LEASE_MARGIN);
        this.delivered = registry.counter("funnel.webhooks.attempts", "outcome", "delivered");
        this.failed = registry.counter("funnel.webhooks.attempts", "outcome", "failed");
        this.exhausted = registry.counter("funnel.webhooks.exhausted");
    }

    @Scheduled(every = "${funnel.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> dispatchDue() {
        int free = maxInFlight - inFlight.get();
        if (free <= 0) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return deliveries.claimDue(now, free, now.plus(lease))
                .invoke(claimed -> claimed.forEach(this::attemptApart))
                .onFailure().invoke(e -> LOG.warnf("Webhook dispatch paused, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** On a context of its own: Hibernate Reactive allows one session per context, and attempts overlap. */
    private void attemptApart(Due due) {
        inFlight.incrementAndGet();
        safeContext.run(() -> attempt(due))
                .onTermination().invoke(inFlight::decrementAndGet)
                .subscribe().with(done -> { }, e -> LOG.warnf(
                        "Outcome of webhook delivery %s not recorded; it is retried after its lease: %s",
                        due.id(), e.getMessage()));
    }

    private Uni<Void> attempt(Due due) {
        return sender.attempt(due).chain(outcome -> {
            Instant at = clock.instant();
            int attempts = due.attemptsMade() + 1;
            DeliveryStatus status = outcome.delivered() ? DeliveryStatus.DELIVERED
                    : retry.exhausted(attempts) ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
            Instant next = status == DeliveryStatus.PENDING
                    ? at.plus(retry.delayAfter(attempts, ThreadLocalRandom.current())) : null;
            return Panache.withTransaction(() -> deliveries.record(due, outcome, at, status, next))
                    .invoke(applied -> count(due, outcome, status, attempts, applied));
        }).replaceWithVoid();
    }

    private void count(Due due, Outcome outcome, DeliveryStatus status, int attempts, boolean applied) {
        (outcome.delivered() ? delivered : failed).increment();
        if (status == DeliveryStatus.FAILED && applied) {
            exhausted.increment();
            LOG.warnf("Webhook delivery %s (webhook %s) failed after %d attempts; last: %s", due.id(),
                    due.webhookId(), attempts, outcome.error());
        } else if (!outcome.delivered()) {
            LOG.debugf("Webhook delivery %s (webhook %s) attempt %d failed: %s", due.id(), due.webhookId(), attempts,
                    outcome.error());
        }
    }
}
