package io.funnel.qualification.api;

import io.funnel.qualification.domain.ScoringModel;
import io.funnel.qualification.domain.ScoringModels;
import io.funnel.qualification.persistence.ScoringModelVersion;
import java.time.Instant;
import java.util.List;

/** One version of the scoring model with who changed it and when. */
public record ModelView(int version, String author, Instant createdAt, List<ScoringModel.FitRule> fitRules,
        List<ScoringModel.BehaviourRule> behaviourRules) {

    static ModelView of(ScoringModelVersion stored) {
        ScoringModel model = ScoringModels.parse(stored.model);
        return new ModelView(stored.version, stored.author, stored.createdAt, model.fitRules(),
                model.behaviourRules());
    }

    /** A line of the version list. */
    public record Summary(int version, String author, Instant createdAt) {
    }
}
