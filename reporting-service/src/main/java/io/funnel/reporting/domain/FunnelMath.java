package io.funnel.reporting.domain;

import io.funnel.events.LifecycleStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Pure funnel arithmetic over a set of journeys: entries, conversion, time in stage and side outcomes. */
public final class FunnelMath {

    public static final List<LifecycleStage> FUNNEL = Arrays.stream(LifecycleStage.values())
            .filter(LifecycleStage::isFunnelStage).toList();

    /** Hours in stage are measured from entering it to entering the next stage the lead reached. */
    public record StageCount(LifecycleStage stage, long entered, double conversionToNext, double medianHoursInStage,
            double p90HoursInStage, long timedLeads) {
    }

    public record Figures(List<StageCount> stages, long recycled, long disqualified, long lost) {
    }

    private FunnelMath() {
    }

    public static Figures figures(Collection<LeadJourney> journeys) {
        List<StageCount> stages = new ArrayList<>();
        for (int i = 0; i < FUNNEL.size(); i++) {
            LifecycleStage stage = FUNNEL.get(i);
            long entered = count(journeys, stage);
            long next = i + 1 < FUNNEL.size() ? count(journeys, FUNNEL.get(i + 1)) : 0;
            List<Double> hours = journeys.stream().map(j -> j.timeIn(stage)).flatMap(java.util.Optional::stream)
                    .map(FunnelMath::hours).toList();
            stages.add(new StageCount(stage, entered, Percentiles.share(next, entered),
                    Percentiles.round2(Percentiles.median(hours)), Percentiles.round2(Percentiles.of(hours, 0.9)),
                    hours.size()));
        }
        return new Figures(stages, count(journeys, LifecycleStage.RECYCLED),
                count(journeys, LifecycleStage.DISQUALIFIED), count(journeys, LifecycleStage.LOST));
    }

    private static long count(Collection<LeadJourney> journeys, LifecycleStage stage) {
        return journeys.stream().filter(j -> j.reached(stage)).count();
    }

    static double hours(Duration duration) {
        return duration.toMillis() / 3_600_000.0;
    }
}
