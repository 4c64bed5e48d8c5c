package io.funnel.pipeline.domain;

import io.funnel.events.PipelineEvent;
import io.funnel.events.PipelineEvent.SlaAtRisk;
import io.funnel.events.PipelineEvent.SlaBreached;
import io.funnel.events.PipelineEvent.SlaKind;
import io.funnel.pipeline.persistence.PipelineLead;
import io.funnel.pipeline.persistence.PipelineLead.Stage;
import io.funnel.platform.SafeContext;
import io.funnel.platform.messaging.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fires the follow-up SLA timers stored on the leads: {@code SlaAtRisk} once a window is mostly used up and
 * {@code SlaBreached} at the deadline, each at most once per assignment (the lead row records what was sent, in the
 * same transaction as the event). Because the timers live in the table, a restart only delays them to the next check.
 * A check that finds the deadline already passed does not warn any more, it reports the breach.
 */
@ApplicationScoped
public class SlaWatch {

    private static final Logger LOG = Logger.getLogger(SlaWatch.class);
    private static final int BATCH = 500;
    private static final String DUE = "repId is not null and ("
            + "(stage = :assigned and ((firstContactRiskSentAt is null and firstContactRiskAt <= :now)"
            + "  or (firstContactBreachedAt is null and firstContactDue <= :now)))"
            + " or (stage in :open and ((decisionRiskSentAt is null and decisionRiskAt <= :now)"
            + "  or (decisionBreachedAt is null and decisionDue <= :now))))"
            + " order by nextDue, leadId";

    private final Outbox outbox;
    private final Clock clock;
    private final SafeContext safeContext;
    private final LeadAssignment assignment;
    private final boolean reassignOnBreach;

    public SlaWatch(Outbox outbox, Clock clock, SafeContext safeContext, LeadAssignment assignment,
            @ConfigProperty(name = "funnel.pipeline.sla.reassign-on-breach") boolean reassignOnBreach) {
        this.outbox = outbox;
        this.clock = clock;
        this.safeContext = safeContext;
        this.assignment = assignment;
        this.reassignOnBreach = reassignOnBreach;
    }

    @Scheduled(every = "${funnel.pipeline.sla.check-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return check().replaceWithVoid();
    }

    /**
     * Publishes the SLA events due now, then (with {@code reassign-on-breach}) hands each lead whose first contact was
     * just missed to another rep; answers how many SLA events. A lead changed concurrently (a rep acting on it right
     * now) makes the batch roll back; the next check picks it up again.
     */
    public Uni<Integer> check() {
        return safeContext.run(() -> Panache.withTransaction(this::fireDueTimers))
                .onFailure(LostUpdate::is).recoverWithItem(e -> {
                    LOG.debugf("SLA check met a concurrent change, retrying next time: %s", e.getMessage());
                    return 0;
                });
    }

    private Uni<Integer> fireDueTimers() {
        Instant now = clock.instant();
        return PipelineLead.<PipelineLead>find(DUE, Parameters.with("assigned", Stage.ASSIGNED)
                        .and("open", Stage.OPEN).and("now", now))
                .page(0, BATCH).list()
                .chain(leads -> {
                    List<PipelineEvent> events = new ArrayList<>();
                    List<PipelineLead> missedFirstContact = new ArrayList<>();
                    for (PipelineLead lead : leads) {
                        List<PipelineEvent> fired = fire(lead, now);
                        events.addAll(fired);
                        if (fired.stream().anyMatch(SlaWatch::isFirstContactBreach)) {
                            missedFirstContact.add(lead);
                        }
                    }
                    return outbox.publishAll(events)
                            .chain(() -> reassignOnBreach ? assignment.reassignBreached(missedFirstContact)
                                    : Uni.createFrom().item(0))
                            .replaceWith(events.size());
                });
    }

    private static boolean isFirstContactBreach(PipelineEvent event) {
        return event instanceof SlaBreached breached && breached.kind() == SlaKind.FIRST_CONTACT;
    }

    static List<PipelineEvent> fire(PipelineLead lead, Instant now) {
        List<PipelineEvent> events = new ArrayList<>();
        if (lead.stage == Stage.ASSIGNED && lead.firstContactDue != null) {
            if (lead.firstContactBreachedAt == null && !now.isBefore(lead.firstContactDue)) {
                lead.firstContactBreachedAt = now;
                lead.firstContactRiskSentAt = lead.firstContactRiskSentAt == null ? now : lead.firstContactRiskSentAt;
                events.add(new SlaBreached(lead.leadId, lead.repId, SlaKind.FIRST_CONTACT, lead.firstContactDue,
                        lead.firstContactDue));
            } else if (lead.firstContactRiskSentAt == null && !now.isBefore(lead.firstContactRiskAt)) {
                lead.firstContactRiskSentAt = now;
                events.add(new SlaAtRisk(lead.leadId, lead.repId, SlaKind.FIRST_CONTACT, lead.firstContactDue,
                        lead.firstContactRiskAt));
            }
        }
        if (Stage.OPEN.contains(lead.stage) && lead.decisionDue != null) {
            if (lead.decisionBreachedAt == null && !now.isBefore(lead.decisionDue)) {
                lead.decisionBreachedAt = now;
                lead.decisionRiskSentAt = lead.decisionRiskSentAt == null ? now : lead.decisionRiskSentAt;
                events.add(new SlaBreached(lead.leadId, lead.repId, SlaKind.DECISION, lead.decisionDue,
                        lead.decisionDue));
            } else if (lead.decisionRiskSentAt == null && !now.isBefore(lead.decisionRiskAt)) {
                lead.decisionRiskSentAt = now;
                events.add(new SlaAtRisk(lead.leadId, lead.repId, SlaKind.DECISION, lead.decisionDue,
                        lead.decisionRiskAt));
            }
        }
        return events;
    }
}
