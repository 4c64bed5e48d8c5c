package io.funnel.reporting.domain;

import io.funnel.reporting.persistence.StageEntries;
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

    private final StageEntries journeys;

    public FunnelReport(StageEntries journeys) {
        this.journeys = journeys;
    }

    public Uni<Funnel> asOf(Instant asOf) {
        return report(asOf, Period.ALL, null);
    }

    public Uni<Funnel> report(Instant asOf, Period period, GroupBy groupBy) {
        return journeys.collectJourneys(asOf, Collectors.filtering(j -> period.contains(j.firstSeen()),
                Collectors.teeing(
                FunnelMath.figures(),
                Collectors.filtering(j -> groupBy != null,
                        Collectors.groupingBy(j -> groupBy.keyOf(j), TreeMap::new, FunnelMath.figures())),
                (total, groups) -> new Funnel(asOf, period.from(), period.to(),
                        groupBy == null ? null : groupBy.label(), total.stages(), total.recycled(),
                        total.disqualified(), total.lost(), groups.entrySet().stream().map(FunnelReport::group)
                        .toList()))));
    }

    private static Group group(Map.Entry<String, FunnelMath.Figures> entry) {
        FunnelMath.Figures figures = entry.getValue();
        return new Group(entry.getKey(), figures.stages(), figures.recycled(), figures.disqualified(),
                figures.lost());
    }
}
