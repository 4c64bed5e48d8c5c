package io.funnel.qualification.domain;

import java.util.List;

/**
 * A scoring model as people edit it: fit rules on lead attributes and behaviour rules on activity types. Stored as
 * JSON, one row per version; see {@link ModelValidator} for what makes it valid.
 */
public record ScoringModel(List<FitRule> fitRules, List<BehaviourRule> behaviourRules) {

    public ScoringModel {
        fitRules = fitRules == null ? List.of() : fitRules;
        behaviourRules = behaviourRules == null ? List.of() : behaviourRules;
    }

    /** An inclusive numeric range; either end may be open. */
    public record Range(Integer min, Integer max) {
    }

    /**
     * Points when one attribute matches: a regex ({@code pattern}, case-insensitive, found anywhere), a
     * {@code range} (companySize), a list of {@code values} (case-insensitive), or {@code present}. A
     * {@code disqualify} rule also disqualifies the lead (spam, competitor). {@code {value}} in the reason is replaced
     * by the attribute's value.
     */
    public record FitRule(String id, String attribute, String pattern, Range range, List<String> values,
            Boolean present, Integer points, String reason, Boolean disqualify) implements AttributeTest {

        public FitRule {
            disqualify = Boolean.TRUE.equals(disqualify);
        }
    }

    /**
     * Points per activity of a type, at most {@code capPerDay} points per UTC day (null: no cap), halved every
     * {@code halfLifeDays} (null: no decay).
     */
    public record BehaviourRule(String id, String activityType, Integer points, Integer capPerDay, Double halfLifeDays,
            String reason) {
    }
}
