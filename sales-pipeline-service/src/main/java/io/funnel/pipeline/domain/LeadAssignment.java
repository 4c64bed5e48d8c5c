package io.funnel.pipeline.domain;

import io.funnel.events.EventCodec;
import io.funnel.events.PipelineEvent.LeadAssigned;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.pipeline.persistence.AssignmentRule;
import io.funnel.pipeline.persistence.LeadRouting;
import io.funnel.pipeline.persistence.LeadRouting.Origin;
import io.funnel.pipeline.persistence.PipelineLead;
import io.funnel.pipeline.persistence.PipelineLead.Stage;
import io.funnel.pipeline.persistence.Rep;
import io.funnel.platform.InOrder;
import io.funnel.platform.api.ProblemException;
import io.funnel.platform.messaging.BatchMemo;
import io.funnel.platform.messaging.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes each new MQL into the pipeline and routes it to a rep (or a queue) once; moves a deactivated rep's open
 * leads, and leads whose first contact was missed (if configured), to other reps. Every (re)assignment sets the SLA
 * timers from the agreement in force and publishes {@code LeadAssigned}. Call inside a transaction.
 */
@ApplicationScoped
public class LeadAssignment {

    private static final int WAITING_BATCH = 200;
    private static final Set<Stage> MANUALLY_ASSIGNABLE = EnumSet.of(Stage.QUEUED, Stage.ASSIGNED, Stage.CONTACTED);
    private static final String POOL = LeadAssignment.class.getName() + ".pool";

    private final Outbox outbox;
    private final Clock clock;
    private final AgreementInForce agreement;
    private final RepRouter router;

    public LeadAssignment(Outbox outbox, Clock clock, AgreementInForce agreement,
            @ConfigProperty(name = "funnel.pipeline.default-queue") String defaultQueue) {
        this.outbox = outbox;
        this.clock = clock;
        this.agreement = agreement;
        this.router = new RepRouter(defaultQueue);
    }

    /**
     * A redelivered or stale {@code LeadQualified} changes nothing: only a lead never seen, or one sales rejected
     * before this qualification happened (recycled, then qualified again), is routed.
     */
    public Uni<Void> onQualified(LeadQualified qualified) {
        return LeadRouting.lock(qualified.leadId()).chain(routing -> PipelineLead.<PipelineLead>findById(
                qualified.leadId()).chain(known -> routeIfNew(qualified, known, routing)));
    }

    private Uni<Void> routeIfNew(LeadQualified qualified, PipelineLead known, LeadRouting routing) {
        if (known != null && !(known.stage == Stage.REJECTED && qualified.occurredAt().isAfter(known.decidedAt))) {
            return Uni.createFrom().voidItem();
        }
        PipelineLead lead = known != null ? known : new PipelineLead();
        lead.leadId = qualified.leadId();
        lead.score = qualified.score();
        lead.explanation = EventCodec.encodeValue(qualified.explanation());
        lead.qualifiedAt = qualified.occurredAt();
        lead.rejectionReason = null;
        lead.rejectionNote = null;
        lead.decidedAt = null;
        lead.contacts = 0;
        lead.firstContactedAt = null;
        lead.lastContactedAt = null;
        lead.country = routing.country;
        lead.source = routing.source;
        lead.persona = qualified.persona() != null ? qualified.persona() : routing.persona;
        return loadPool().chain(pool -> apply(lead, pool, route(lead, pool, null)))
                .chain(() -> known != null ? Uni.createFrom().voidItem() : lead.persist().replaceWithVoid());
    }

    /**
     * Capture's events (of a consumed batch, all at once): their countries and sources are recorded first, so an MQL
     * consumed meanwhile on the other channel waits for them (see {@link LeadRouting#lock}); then the leads whose MQL
     * came first, and was queued without knowing them, are routed again.
     */
    public Uni<Void> onOrigins(List<Origin> origins) {
        if (origins.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return LeadRouting.recordOrigins(origins)
                .chain(() -> PipelineLead.queuedWithoutOrigin(origins.stream().map(Origin::leadId).distinct().toList()))
                .chain(queued -> InOrder.each(queued, this::onOriginLearned));
    }

    /**
     * Capture's event arrived after the MQL, which was queued without knowing its country or source: routes it again
     * now that they are known, so the outcome does not depend on which topic was read first. Leads a rep already
     * holds are never moved.
     */
    private Uni<Void> onOriginLearned(UUID leadId) {
        return PipelineLead.<PipelineLead>findById(leadId).chain(lead -> {
            if (lead == null || lead.stage != Stage.QUEUED || lead.country != null || lead.source != null) {
                return Uni.createFrom().voidItem();
            }
            return LeadRouting.<LeadRouting>findById(leadId).chain(routing -> {
                if (routing == null || routing.country == null && routing.source == null) {
                    return Uni.createFrom().voidItem();
                }
                lead.country = routing.country;
                lead.source = routing.source;
                lead.persona = lead.persona != null ? lead.persona : routing.persona;
                return loadPool().chain(pool -> {
                    RepRouter.Routing again = route(lead, pool, null);
                    boolean unchanged = again.repId() == null && again.queue().equals(lead.queue);
                    return unchanged ? Uni.createFrom().voidItem() : apply(lead, pool, again);
                });
            });
        });
    }

    /** Hands leads waiting in queues to reps who now have room (a new rep, more capacity), oldest first. */
    public Uni<Integer> routeWaitingLeads() {
        return PipelineLead.<PipelineLead>find("stage = ?1 order by assignedAt, leadId", Stage.QUEUED)
                .page(0, WAITING_BATCH).list()
                .chain(leads -> leads.isEmpty() ? Uni.createFrom().item(0) : loadPool().chain(pool ->
                        routeEach(leads, pool, lead -> {
                            RepRouter.Routing routing = route(lead, pool, null);
                            return routing.repId() == null ? null : routing;
                        })));
    }

    /** A team lead hands a lead to a rep by hand, whatever the rules and the rep's capacity say. */
    public Uni<Void> assignTo(PipelineLead lead, Rep rep) {
        if (!rep.active) {
            throw ProblemException.unprocessable("repId", "the rep is not active");
        }
        LeadStates.require(lead, MANUALLY_ASSIGNABLE, "assign");
        return loadPool().chain(pool -> apply(lead, pool, new RepRouter.Routing(null, lead.queue, rep.id)));
    }

    /** Moves the open leads of {@code rep} (being deactivated) to other reps, or to their queue. */
    public Uni<Integer> reassignOpenLeadsOf(Rep rep) {
        return PipelineLead.<PipelineLead>list("repId = ?1 and stage in ?2 order by assignedAt", rep.id, Stage.OPEN)
                .chain(leads -> moveFromTheirReps(leads, true));
    }

    /**
     * Moves leads whose first contact was missed to another rep the rules allow; a lead nobody else can take stays
     * with its rep (no queue is better than a late rep).
     */
    public Uni<Integer> reassignBreached(List<PipelineLead> leads) {
        return moveFromTheirReps(leads, false);
    }

    /** Routes each lead again without its current rep; answers how many were moved. */
    private Uni<Integer> moveFromTheirReps(List<PipelineLead> leads, boolean queueIfNobody) {
        if (leads.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return loadPool().chain(pool -> routeEach(leads, pool, lead -> {
            RepRouter.Routing routing = route(lead, pool, lead.repId);
            return routing.repId() == null && !queueIfNobody ? null : routing;
        }));
    }

    /**
     * Applies each lead's routing (null: leave the lead) one lead after the other, each seeing the pool as the ones
     * before left it; answers how many were routed. A stream, not a chain per lead, whose depth would grow with the
     * number of leads.
     */
    private Uni<Integer> routeEach(List<PipelineLead> leads, Pool pool,
            Function<PipelineLead, RepRouter.Routing> routing) {
        return Multi.createFrom().iterable(leads)
                .onItem().transformToUniAndConcatenate(lead -> {
                    RepRouter.Routing to = routing.apply(lead);
                    return to == null ? Uni.createFrom().item(0) : apply(lead, pool, to).replaceWith(1);
                })
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    /** Everything routing reads, loaded once per routing run and kept up to date as leads are handed out. */
    private record Pool(List<RepRouter.Rule> rules, Map<UUID, Rep> reps, Map<UUID, Long> openLeads) {
    }

    /**
     * Read once per consumed batch ({@link BatchMemo}; outside one, for each call), the counts then kept up to date as
     * the batch hands out leads. A count can still go stale: another transaction (the other channel, the SLA watch, a
     * team lead) may hand a rep a lead meanwhile. But every hand-out writes the rep's turn, and a rep's row carries a
     * version, so when this batch hands that rep a lead too, its write fails and the batch is applied again event by
     * event, reading afresh: a rep never exceeds their capacity by a stale count.
     */
    private Uni<Pool> loadPool() {
        return BatchMemo.remember(POOL, () -> rules()
                .chain(rules -> Rep.<Rep>listAll()
                        .chain(reps -> PipelineLead.openLeadsPerRep()
                                .map(open -> new Pool(rules, byId(reps), open)))));
    }

    private static Uni<List<RepRouter.Rule>> rules() {
        return AssignmentRule.inOrder().map(rules -> rules.stream().map(AssignmentRule::rule).toList());
    }

    private static Map<UUID, Rep> byId(List<Rep> reps) {
        return reps.stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
    }

    private RepRouter.Routing route(PipelineLead lead, Pool pool, UUID excluded) {
        RepRouter.LeadFacts facts = new RepRouter.LeadFacts(lead.country, lead.source, lead.persona, lead.score);
        return router.route(facts, pool.rules(),
                pool.reps().values().stream().map(Rep::candidate).toList(), pool.openLeads(), excluded);
    }

    private Uni<Void> apply(PipelineLead lead, Pool pool, RepRouter.Routing routing) {
        Instant now = clock.instant();
        if (lead.repId != null && Stage.OPEN.contains(lead.stage)) {
            pool.openLeads().merge(lead.repId, -1L, Long::sum);
        }
        lead.queue = routing.queue();
        lead.ruleId = routing.ruleId();
        lead.repId = routing.repId();
        lead.assignedAt = now;
        resetTimers(lead);
        if (routing.repId() == null) {
            lead.stage = Stage.QUEUED;
            lead.refreshNextDue();
            return outbox.publish(new LeadAssigned(lead.leadId, null, lead.queue, null, now));
        }
        Rep rep = pool.reps().get(routing.repId());
        lead.stage = Stage.ASSIGNED;
        pool.openLeads().merge(rep.id, 1L, Long::sum);
        return nextTurn().invoke(turn -> rep.lastTurn = turn)
                .chain(() -> agreement.at(now))
                .chain(terms -> {
                    SlaSchedule sla = SlaSchedule.of(rep.calendar(), now, terms);
                    lead.firstContactDue = sla.firstContactDue();
                    lead.firstContactRiskAt = sla.firstContactRiskAt();
                    lead.decisionDue = sla.decisionDue();
                    lead.decisionRiskAt = sla.decisionRiskAt();
                    lead.refreshNextDue();
                    return outbox.publish(new LeadAssigned(lead.leadId, rep.id, lead.queue, lead.firstContactDue,
                            now));
                });
    }

    private static void resetTimers(PipelineLead lead) {
        lead.firstContactDue = null;
        lead.firstContactRiskAt = null;
        lead.decisionDue = null;
        lead.decisionRiskAt = null;
        lead.firstContactRiskSentAt = null;
        lead.firstContactBreachedAt = null;
        lead.decisionRiskSentAt = null;
        lead.decisionBreachedAt = null;
    }

    private static Uni<Long> nextTurn() {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select cast(function('nextval', 'rep_turn') as Long)", Long.class)
                .getSingleResult());
    }
}
