package io.funnel.qualification.domain;

import io.funnel.events.ActivityEvent.ActivityType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A validated model with its patterns compiled, ready to score many leads. */
public final class CompiledModel {

    record CompiledFitRule(ScoringModel.FitRule rule, AttributeMatcher matcher) {
    }

    private final int version;
    private final List<CompiledFitRule> fitRules;
    private final List<ScoringModel.BehaviourRule> behaviourRules;
    private final List<ActivityType> behaviourTypes;
    private final Set<String> disqualifying;

    private CompiledModel(int version, ScoringModel model) {
        this.version = version;
        this.fitRules = model.fitRules().stream().map(r -> new CompiledFitRule(r, AttributeMatcher.of(r))).toList();
        this.behaviourRules = List.copyOf(model.behaviourRules());
        this.behaviourTypes = behaviourRules.stream().map(r -> ActivityType.valueOf(r.activityType())).toList();
        this.disqualifying = model.fitRules().stream().filter(ScoringModel.FitRule::disqualify)
                .map(ScoringModel.FitRule::id).collect(Collectors.toUnmodifiableSet());
    }

    /** Compiles a model that {@link ModelValidator} accepted. */
    public static CompiledModel of(int version, ScoringModel model) {
        return new CompiledModel(version, model);
    }

    public int version() {
        return version;
    }

    List<CompiledFitRule> fitRules() {
        return fitRules;
    }

    List<ScoringModel.BehaviourRule> behaviourRules() {
        return behaviourRules;
    }

    boolean disqualifies(String ruleId) {
        return disqualifying.contains(ruleId);
    }

    ActivityType typeOf(int behaviourRule) {
        return behaviourTypes.get(behaviourRule);
    }
}
