package io.funnel.qualification.domain;

import io.funnel.events.QualificationEvent.ScoreContribution;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Replays lead histories against a model, in memory: each lead is scored when it was captured and after each of its
 * activities, and the first time the live path's {@link MqlPolicy} would make it an MQL under {@code definition}
 * (threshold, not disqualified, the required persona, new engagement after a rejection by sales) it counts as an MQL
 * of that month (UTC). Each lead counts at most once. Outcomes are what sales in fact did with the lead.
 */
public final class Simulator {

    public record Month(String month, int mqls, int accepted, int rejected, int won) {
    }

    public record Result(int leads, int mqls, int accepted, int rejected, int won, List<Month> months) {
    }

    private final MqlPolicy policy;
    private final MqlPolicy.Definition definition;
    private final Function<LeadAttributes, String> personaOf;

    /** {@code personas}: those in force; a lead's persona is the one it matches best, as in live scoring. */
    public Simulator(MqlPolicy policy, MqlPolicy.Definition definition, List<Persona> personas) {
        this.policy = policy;
        this.definition = definition;
        this.personaOf = Persona.bestMatcher(personas);
    }

    public Result run(CompiledModel model, List<LeadHistory> leads) {
        Tally tally = tally(model);
        leads.forEach(tally::add);
        return tally.result();
    }

    /** Counts leads one at a time, so that a replay of many leads need not hold them all. */
    public Tally tally(CompiledModel model) {
        return new Tally(model);
    }

    public final class Tally {

        private final CompiledModel model;
        private final Map<YearMonth, int[]> months = new TreeMap<>();
        private int leads;

        private Tally(CompiledModel model) {
            this.model = model;
        }

        public void add(LeadHistory lead) {
            leads++;
            Instant mqlAt = firstMql(model, lead);
            if (mqlAt == null) {
                return;
            }
            int[] row = months.computeIfAbsent(YearMonth.from(mqlAt.atOffset(ZoneOffset.UTC)), m -> new int[4]);
            row[0]++;
            row[1] += lead.outcomes().contains(LeadHistory.Outcome.ACCEPTED) ? 1 : 0;
            row[2] += lead.outcomes().contains(LeadHistory.Outcome.REJECTED) ? 1 : 0;
            row[3] += lead.outcomes().contains(LeadHistory.Outcome.WON) ? 1 : 0;
        }

        public Result result() {
            List<Month> rows = months.entrySet().stream()
                    .map(e -> new Month(e.getKey().toString(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                            e.getValue()[3]))
                    .toList();
            return new Result(leads, rows.stream().mapToInt(Month::mqls).sum(),
                    rows.stream().mapToInt(Month::accepted).sum(), rows.stream().mapToInt(Month::rejected).sum(),
                    rows.stream().mapToInt(Month::won).sum(), rows);
        }
    }

    /** When the lead would first have been an MQL under the model; null if never. */
    private Instant firstMql(CompiledModel model, LeadHistory lead) {
        List<ScoreContribution> fitRules = LeadScoring.fit(model, lead.attributes());
        if (LeadScoring.disqualifiedBy(model, fitRules) != null) {
            return null;
        }
        int fit = fitRules.stream().mapToInt(ScoreContribution::points).sum();
        String persona = personaOf.apply(lead.attributes());
        // at capture, then at each later instant with activity, knowing what had happened by then
        List<Activity> activities = lead.activities();
        Instant at = lead.capturedAt();
        int known = 0;
        while (true) {
            while (known < activities.size() && !activities.get(known).occurredAt().isAfter(at)) {
                known++;
            }
            List<Activity> soFar = activities.subList(0, known);
            int behaviour = LeadScoring.behaviourPoints(model, soFar, at);
            LeadScore score = new LeadScore(fit + behaviour, fit, behaviour, List.of(), null);
            if (policy.qualifies(score, definition, persona, false, lead.rejectedAsOf(at), soFar)) {
                return at;
            }
            if (known == activities.size()) {
                return null;
            }
            at = activities.get(known).occurredAt();
        }
    }
}
