package io.funnel.qualification.api;

import io.funnel.qualification.domain.ScoringModel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new version of the scoring model; the rules themselves are checked by the model validator. */
public record ModelChange(@NotBlank @Size(max = 100) String author,
        @NotNull List<ScoringModel.FitRule> fitRules,
        @NotNull List<ScoringModel.BehaviourRule> behaviourRules) {

    ScoringModel model() {
        return new ScoringModel(fitRules, behaviourRules);
    }
}
