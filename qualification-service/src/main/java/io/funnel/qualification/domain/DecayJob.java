package io.funnel.qualification.domain;

import io.funnel.qualification.persistence.HistoryStore;
import io.funnel.qualification.persistence.ScoredLead;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies decay in time: leads at or above the threshold whose behaviour points have faded below it since they were
 * last scored are rescored (and {@code LeadScored} published), so an MQL candidate that went cold shows as cold.
 */
@ApplicationScoped
public class DecayJob {

    private static final Logger LOG = Logger.getLogger(DecayJob.class);

    private final Rescorer rescorer;
    private final AgreementBook agreements;
    private final HistoryStore history;
    private final Clock clock;

    public DecayJob(Rescorer rescorer, AgreementBook agreements, HistoryStore history, Clock clock) {
        this.rescorer = rescorer;
        this.agreements = agreements;
        this.history = history;
        this.clock = clock;
    }

    @Scheduled(every = "${funnel.qualification.decay-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() throws Throwable {
        run();
    }

    /** Runs once, blocking the calling (worker or test) thread; answers how many leads were rescored. */
    public int run() throws Throwable {
        Instant now = clock.instant();
        int rescored = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> agreements
                .definitionAt(now)
                .chain(definition -> ScoredLead.<ScoredLead>list("behaviour > 0 and total >= ?1",
                        definition.threshold())
                        .map(candidates -> candidates.stream().map(l -> l.leadId).toList())))
                .chain(ids -> rescoreCold(ids, now)));
        if (rescored > 0) {
            LOG.infof("Decay: %d leads fell below the threshold and were rescored", rescored);
        }
        return rescored;
    }

    private Uni<Integer> rescoreCold(List<UUID> candidates, Instant now) {
        return Multi.createFrom().iterable(candidates)
                .onItem().transformToUniAndConcatenate(id -> Panache.withTransaction(() -> rescoreIfCold(id, now)))
                .collect().asList()
                .map(done -> (int) done.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> rescoreIfCold(UUID leadId, Instant now) {
        return history.lockLead(leadId).chain(() -> ScoredLead.<ScoredLead>findById(leadId))
                .chain(lead -> agreements.definitionAt(now)
                .chain(definition -> rescorer.preview(lead, now).chain(score -> {
                    if (lead.total < definition.threshold() || score.total() >= definition.threshold()) {
                        return Uni.createFrom().item(false);
                    }
                    return rescorer.rescore(lead, now, "decay").replaceWith(true);
                })));
    }
}
