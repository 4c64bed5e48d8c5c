package io.funnel.qualification.api;

import io.funnel.qualification.domain.ScoringModel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** A proposed model to replay stored lead histories against; the threshold defaults to the one in force. */
public record SimulationRequest(@NotNull List<ScoringModel.FitRule> fitRules,
        @NotNull List<ScoringModel.BehaviourRule> behaviourRules,
        @Min(-100_000) @Max(100_000) Integer threshold) {

    ScoringModel model() {
        return new ScoringModel(fitRules, behaviourRules);
    }
}
