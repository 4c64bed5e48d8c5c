package io.funnel.qualification.domain;

import io.funnel.events.ActivityEvent.ActivityType;
import io.funnel.events.QualificationEvent.ScoreContribution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The scoring function: fit points from the attributes, plus behaviour points from the activities up to {@code at},
 * capped per rule and UTC day (the earliest activities of a day count first) and halved every half-life. It reads
 * only its arguments, so the same attributes and set of activities give the same score in any arrival order.
 */
public final class LeadScoring {

    private static final double SECONDS_PER_DAY = 86_400d;

    private LeadScoring() {
    }

    public static LeadScore score(CompiledModel model, LeadAttributes lead, Collection<Activity> activities,
            Instant at) {
        List<ScoreContribution> why = new ArrayList<>(fit(model, lead));
        int fit = why.stream().mapToInt(ScoreContribution::points).sum();
        List<ScoreContribution> behaviour = behaviour(model, activities.stream().distinct()
                .sorted(Activity.CHRONOLOGICAL).toList(), at);
        why.addAll(behaviour);
        int behaviourPoints = behaviour.stream().mapToInt(ScoreContribution::points).sum();
        return new LeadScore(fit + behaviourPoints, fit, behaviourPoints, List.copyOf(why),
                disqualifiedBy(model, why));
    }

    /** The fit rules that match, in model order. */
    public static List<ScoreContribution> fit(CompiledModel model, LeadAttributes lead) {
        List<ScoreContribution> why = new ArrayList<>();
        for (CompiledModel.CompiledFitRule compiled : model.fitRules()) {
            if (compiled.matcher().matches(lead)) {
                ScoringModel.FitRule rule = compiled.rule();
                String value = lead.valueOf(rule.attribute());
                why.add(new ScoreContribution(rule.id(), rule.points(),
                        rule.reason().replace("{value}", value == null ? "" : value)));
            }
        }
        return why;
    }

    /** The first contribution of a disqualifying rule; null when none. */
    public static ScoreContribution disqualifiedBy(CompiledModel model, List<ScoreContribution> fit) {
        for (ScoreContribution contribution : fit) {
            if (model.disqualifies(contribution.ruleId())) {
                return contribution;
            }
        }
        return null;
    }

    /** Behaviour contributions at {@code at} from activities already in {@link Activity#CHRONOLOGICAL} order. */
    public static List<ScoreContribution> behaviour(CompiledModel model, List<Activity> chronological, Instant at) {
        List<ScoreContribution> why = new ArrayList<>();
        for (int i = 0; i < model.behaviourRules().size(); i++) {
            ScoreContribution contribution = behaviour(model.behaviourRules().get(i), model, i, chronological, at);
            if (contribution != null) {
                why.add(contribution);
            }
        }
        return why;
    }

    /** The behaviour points alone (as the sum of the rounded per-rule contributions), without explanations. */
    public static int behaviourPoints(CompiledModel model, List<Activity> chronological, Instant at) {
        int points = 0;
        for (int i = 0; i < model.behaviourRules().size(); i++) {
            points += Math.round(decayedSum(model.behaviourRules().get(i), model.typeOf(i), chronological, at));
        }
        return points;
    }

    /** One behaviour rule's decayed, capped points; null when it gives none. */
    private static ScoreContribution behaviour(ScoringModel.BehaviourRule rule, CompiledModel model, int index,
            List<Activity> chronological, Instant at) {
        ActivityType type = model.typeOf(index);
        long points = Math.round(decayedSum(rule, type, chronological, at));
        if (points == 0) {
            return null;
        }
        long occurrences = chronological.stream().filter(a -> a.type() == type && !a.occurredAt().isAfter(at))
                .count();
        return new ScoreContribution(rule.id(), (int) points, rule.reason() + " (" + occurrences + " "
                + rule.activityType().toLowerCase(Locale.ROOT) + (rule.halfLifeDays() == null ? ")" : ", decayed)"));
    }

    /** The first activities of a UTC day count until the day's cap; each decays from when it happened. */
    private static double decayedSum(ScoringModel.BehaviourRule rule, ActivityType type,
            List<Activity> chronological, Instant at) {
        double sum = 0;
        long day = Long.MIN_VALUE;
        int usedToday = 0;
        int cap = rule.capPerDay() == null ? Integer.MAX_VALUE : rule.capPerDay();
        int points = rule.points();
        for (Activity activity : chronological) {
            if (activity.occurredAt().isAfter(at)) {
                break;
            }
            if (activity.type() != type) {
                continue;
            }
            long activityDay = Math.floorDiv(activity.occurredAt().getEpochSecond(), 86_400L);
            if (activityDay != day) {
                day = activityDay;
                usedToday = 0;
            }
            int counted = Math.min(Math.abs(points), cap - usedToday);
            if (counted > 0) {
                usedToday += counted;
                sum += Integer.signum(points) * counted * decay(rule.halfLifeDays(), activity.occurredAt(), at);
            }
        }
        return sum;
    }

    static double decay(Double halfLifeDays, Instant occurredAt, Instant at) {
        if (halfLifeDays == null) {
            return 1d;
        }
        double ageDays = Duration.between(occurredAt, at).getSeconds() / SECONDS_PER_DAY;
        return Math.pow(0.5, Math.max(0d, ageDays) / halfLifeDays);
    }
}
