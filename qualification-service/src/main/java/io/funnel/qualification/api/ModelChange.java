package io.funnel.qualification.api;

import io.funnel.qualification.domain.ScoringModel;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A new version of the scoring model; the rules themselves are checked by the model validator. Its author is the
 * caller: an {@code author} in the body is ignored.
 */
public record ModelChange(@NotNull List<ScoringModel.FitRule> fitRules,
        @NotNull List<ScoringModel.BehaviourRule> behaviourRules) {

    ScoringModel model() {
        return new ScoringModel(fitRules, behaviourRules);
    }
}
