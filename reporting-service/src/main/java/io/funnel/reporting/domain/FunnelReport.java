package io.funnel.reporting.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The funnel of the leads that first appeared in a period (a cohort), as it stood at {@code asOf}: per stage how
 * many entered it (reached it or a later stage), the share that went on to the next, median and p90 hours in stage,
 * and the side outcomes; optionally split by a {@link GroupBy} dimension.
 */
@ApplicationScoped
public class FunnelReport {

    public record Group(String key, List<FunnelMath.StageCount> stages, long recycled, long disqualified, long lost) {
    }

    public record Funnel(Instant asOf, Instant from, Instant to, String groupBy, List<FunnelMath.StageCount> stages,
            long recycled, long disqualified, long lost, List<Group> groups) {
    }

    private final Journeys journeys;

    public FunnelReport(Journeys journeys) {
        this.journeys = journeys;
    }

    public Uni<Funnel> asOf(Instant asOf) {
        return report(asOf, Period.ALL, null);
    }

    public Uni<Funnel> report(Instant asOf, Period period, GroupBy groupBy) {
        return journeys.asOf(asOf).map(all -> {
            List<LeadJourney> cohort = all.stream().filter(j -> period.contains(j.firstSeen())).toList();
            FunnelMath.Figures total = FunnelMath.figures(cohort);
            List<Group> groups = groupBy == null ? List.of() : cohort.stream()
                    .collect(Collectors.groupingBy(groupBy::keyOf, TreeMap::new, Collectors.toList()))
                    .entrySet().stream().map(FunnelReport::group).toList();
            return new Funnel(asOf, period.from(), period.to(), groupBy == null ? null : groupBy.label(),
                    total.stages(), total.recycled(), total.disqualified(), total.lost(), groups);
        });
    }

    private static Group group(Map.Entry<String, List<LeadJourney>> entry) {
        FunnelMath.Figures figures = FunnelMath.figures(entry.getValue());
        return new Group(entry.getKey(), figures.stages(), figures.recycled(), figures.disqualified(),
                figures.lost());
    }
}
