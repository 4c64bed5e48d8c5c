package io.funnel.qualification.domain;

import io.funnel.events.QualificationEvent.ScoreContribution;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays lead histories against a model, in memory: each lead is scored when it was captured and after each of its
 * activities; the first time it reaches the threshold (and is not disqualified) it counts as an MQL of that month
 * (UTC). Each lead counts at most once. Outcomes are what sales in fact did with the lead.
 */
public final class Simulator {

    public record Month(String month, int mqls, int accepted, int rejected, int won) {
    }

    public record Result(int leads, int mqls, int accepted, int rejected, int won, List<Month> months) {
    }

    private Simulator() {
    }

    public static Result run(CompiledModel model, int threshold, List<LeadHistory> leads) {
        Map<YearMonth, int[]> months = new TreeMap<>();
        for (LeadHistory lead : leads) {
            Instant mqlAt = firstMql(model, threshold, lead);
            if (mqlAt == null) {
                continue;
            }
            int[] row = months.computeIfAbsent(YearMonth.from(mqlAt.atOffset(ZoneOffset.UTC)), m -> new int[4]);
            row[0]++;
            row[1] += lead.outcomes().contains(LeadHistory.Outcome.ACCEPTED) ? 1 : 0;
            row[2] += lead.outcomes().contains(LeadHistory.Outcome.REJECTED) ? 1 : 0;
            row[3] += lead.outcomes().contains(LeadHistory.Outcome.WON) ? 1 : 0;
        }
        List<Month> rows = months.entrySet().stream()
                .map(e -> new Month(e.getKey().toString(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        e.getValue()[3]))
                .toList();
        return new Result(leads.size(), rows.stream().mapToInt(Month::mqls).sum(),
                rows.stream().mapToInt(Month::accepted).sum(), rows.stream().mapToInt(Month::rejected).sum(),
                rows.stream().mapToInt(Month::won).sum(), rows);
    }

    /** When the lead would first have been an MQL under the model; null if never. */
    static Instant firstMql(CompiledModel model, int threshold, LeadHistory lead) {
        List<ScoreContribution> fitRules = LeadScoring.fit(model, lead.attributes());
        if (LeadScoring.disqualifiedBy(model, fitRules) != null) {
            return null;
        }
        int fit = fitRules.stream().mapToInt(ScoreContribution::points).sum();
        if (reaches(model, threshold, fit, lead, lead.capturedAt())) {
            return lead.capturedAt();
        }
        for (Activity activity : lead.activities()) {
            if (activity.occurredAt().isAfter(lead.capturedAt())
                    && reaches(model, threshold, fit, lead, activity.occurredAt())) {
                return activity.occurredAt();
            }
        }
        return null;
    }

    private static boolean reaches(CompiledModel model, int threshold, int fit, LeadHistory lead, Instant at) {
        return fit + LeadScoring.behaviourPoints(model, lead.activities(), at) >= threshold;
    }
}
