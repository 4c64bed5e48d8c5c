package io.funnel.qualification.domain;

import io.funnel.events.FunnelEvent;
import io.funnel.events.QualificationEvent.LeadDisqualified;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.events.QualificationEvent.LeadScored;
import io.funnel.events.QualificationEvent.PersonaMatched;
import io.funnel.platform.messaging.Outbox;
import io.funnel.qualification.persistence.HistoryStore;
import io.funnel.qualification.persistence.ScoreHistory;
import io.funnel.qualification.persistence.ScoredLead;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Recomputes one lead's score with the model, personas and MQL definition in force, stores it, and publishes
 * {@code LeadScored} plus, when they newly apply, {@code PersonaMatched}, {@code LeadDisqualified} and
 * {@code LeadQualified}. Behaviour is decayed to now (or to the event, if that is later). Call inside a transaction.
 */
@ApplicationScoped
public class Rescorer {

    private final ScoringModels models;
    private final AgreementBook agreements;
    private final Personas personas;
    private final HistoryStore history;
    private final Outbox outbox;
    private final Clock clock;
    private final MqlPolicy policy;

    public Rescorer(ScoringModels models, AgreementBook agreements, Personas personas, HistoryStore history,
            Outbox outbox, Clock clock,
            @ConfigProperty(name = "funnel.qualification.recycle.min-new-activities") int minNewActivities) {
        this.models = models;
        this.agreements = agreements;
        this.personas = personas;
        this.history = history;
        this.outbox = outbox;
        this.clock = clock;
        this.policy = new MqlPolicy(minNewActivities);
    }

    /** The score the lead would have now, without storing or publishing anything. */
    public Uni<LeadScore> preview(ScoredLead lead, Instant at) {
        return models.compiledCurrent().chain(model -> history.activitiesOf(lead.leadId)
                .map(activities -> LeadScoring.score(model, lead.attributes(), activities, at)));
    }

    /** Rescores the lead because of something that happened at {@code eventAt} ({@code cause} names it). */
    public Uni<Void> rescore(ScoredLead lead, Instant eventAt, String cause) {
        Instant now = clock.instant();
        Instant evaluatedAt = eventAt.isAfter(now) ? eventAt : now;
        return models.compiledCurrent().chain(model -> history.activitiesOf(lead.leadId)
                .chain(activities -> personas.all()
                        .chain(known -> agreements.definitionAt(evaluatedAt)
                                .chain(definition -> {
                                    LeadScore score = LeadScoring.score(model, lead.attributes(), activities,
                                            evaluatedAt);
                                    String persona = Persona.bestMatch(known, lead.attributes());
                                    List<FunnelEvent> events = apply(lead, model.version(), score, persona,
                                            definition, activities, eventAt, evaluatedAt);
                                    return lead.persist()
                                            .chain(() -> historyRow(lead, cause).persist())
                                            .chain(() -> outbox.publishAll(events));
                                }))));
    }

    private List<FunnelEvent> apply(ScoredLead lead, int modelVersion, LeadScore score, String persona,
            MqlPolicy.Definition definition, List<Activity> activities, Instant eventAt, Instant evaluatedAt) {
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
        if (lead.qualifiedAt == null && policy.qualifies(score, definition, persona, lead.disqualifiedAt != null,
                lead.rejectedAt, activities)) {
            lead.qualifiedAt = eventAt;
            events.add(new LeadQualified(lead.leadId, score.total(), definition.threshold(), persona,
                    score.contributions(), eventAt));
        }
        return events;
    }

    private static ScoreHistory historyRow(ScoredLead lead, String cause) {
        ScoreHistory row = new ScoreHistory();
        row.leadId = lead.leadId;
        row.scoredAt = lead.scoredAt;
        row.total = lead.total;
        row.fit = lead.fit;
        row.behaviour = lead.behaviour;
        row.modelVersion = lead.modelVersion;
        row.cause = cause;
        return row;
    }
}
