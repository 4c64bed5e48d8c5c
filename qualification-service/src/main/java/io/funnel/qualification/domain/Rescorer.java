package io.funnel.qualification.domain;

import io.funnel.events.FunnelEvent;
import io.funnel.events.QualificationEvent.LeadDisqualified;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.events.QualificationEvent.LeadScored;
import io.funnel.events.QualificationEvent.PersonaMatched;
import io.funnel.platform.messaging.Outbox;
import io.funnel.qualification.persistence.HistoryStore;
import io.funnel.qualification.persistence.ScoredLead;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes one lead's score with the model, personas and MQL definition in force, stores it, and publishes
 * {@code LeadScored} plus, when they newly apply, {@code PersonaMatched}, {@code LeadDisqualified} and
 * {@code LeadQualified}. Behaviour is decayed to now (or to the event, if that is later). Call inside a transaction.
 */
@ApplicationScoped
public class Rescorer {

    /** What the lead would be at one instant: its score, persona and the MQL definition in force then. */
    private record Evaluation(int modelVersion, LeadScore score, String persona, MqlPolicy.Definition definition,
            List<Activity> activities) {
    }

    private final ScoringModels models;
    private final AgreementBook agreements;
    private final Personas personas;
    private final HistoryStore history;
    private final Outbox outbox;
    private final Clock clock;

    public Rescorer(ScoringModels models, AgreementBook agreements, Personas personas, HistoryStore history,
            Outbox outbox, Clock clock) {
        this.models = models;
        this.agreements = agreements;
        this.personas = personas;
        this.history = history;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The score the lead would have now, without storing or publishing anything. */
    public Uni<LeadScore> preview(ScoredLead lead, Instant at) {
        return evaluate(lead, at).map(Evaluation::score);
    }

    /** Rescores the lead because of something that happened at {@code eventAt} ({@code cause} names it). */
    public Uni<Void> rescore(ScoredLead lead, Instant eventAt, String cause) {
        Instant evaluatedAt = evaluatedAt(eventAt);
        return evaluate(lead, evaluatedAt).chain(evaluation -> store(lead, evaluation, eventAt, evaluatedAt, cause));
    }

    /** Rescores the lead only if that makes it an MQL now (e.g. under a new MQL definition); else does nothing. */
    public Uni<Void> rescoreIfQualifies(ScoredLead lead, Instant eventAt, String cause) {
        Instant evaluatedAt = evaluatedAt(eventAt);
        return evaluate(lead, evaluatedAt).chain(evaluation -> newlyQualifies(lead, evaluation)
                ? store(lead, evaluation, eventAt, evaluatedAt, cause)
                : Uni.createFrom().voidItem());
    }

    private Instant evaluatedAt(Instant eventAt) {
        Instant now = clock.instant();
        return eventAt.isAfter(now) ? eventAt : now;
    }

    private Uni<Evaluation> evaluate(ScoredLead lead, Instant at) {
        return models.compiledCurrent().chain(model -> history.activitiesOf(lead.leadId)
                .chain(activities -> personas.all()
                        .chain(known -> agreements.definitionAt(at)
                                .map(definition -> new Evaluation(model.version(),
                                        LeadScoring.score(model, lead.attributes(), activities, at),
                                        Persona.bestMatch(known, lead.attributes()), definition, activities)))));
    }

    private boolean newlyQualifies(ScoredLead lead, Evaluation evaluation) {
        return lead.qualifiedAt == null && agreements.policy().qualifies(evaluation.score(),
                evaluation.definition(), evaluation.persona(), lead.disqualifiedAt != null, lead.rejectedAt,
                evaluation.activities());
    }

    private Uni<Void> store(ScoredLead lead, Evaluation evaluation, Instant eventAt, Instant evaluatedAt,
            String cause) {
        List<FunnelEvent> events = apply(lead, evaluation, eventAt, evaluatedAt);
        return history.storeScore(lead, cause).chain(() -> outbox.publishAll(events));
    }

    private List<FunnelEvent> apply(ScoredLead lead, Evaluation evaluation, Instant eventAt, Instant evaluatedAt) {
        LeadScore score = evaluation.score();
        int modelVersion = evaluation.modelVersion();
        String persona = evaluation.persona();
        List<FunnelEvent> events = new ArrayList<>();
        lead.total = score.total();
        lead.fit = score.fit();
        lead.behaviour = score.behaviour();
        lead.explanation = Explanations.toJson(score.contributions());
        lead.modelVersion = modelVersion;
        lead.scoredAt = evaluatedAt;
        lead.updatedAt = eventAt;
        events.add(new LeadScored(lead.leadId, score.total(), score.fit(), score.behaviour(), score.contributions(),
                modelVersion, eventAt));
        if (persona != null && !persona.equals(lead.persona)) {
            events.add(new PersonaMatched(lead.leadId, persona, eventAt));
        }
        lead.persona = persona;
        if (score.disqualifiedBy() != null && lead.disqualifiedAt == null) {
            lead.disqualifiedAt = eventAt;
            lead.disqualifyReason = score.disqualifiedBy().ruleId() + ": " + score.disqualifiedBy().reason();
            events.add(new LeadDisqualified(lead.leadId, lead.disqualifyReason, eventAt));
        }
        if (newlyQualifies(lead, evaluation)) {
            lead.qualifiedAt = eventAt;
            events.add(new LeadQualified(lead.leadId, score.total(), evaluation.definition().threshold(), persona,
                    score.contributions(), eventAt));
        }
        return events;
    }
}
