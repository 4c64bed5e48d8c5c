package io.funnel.reporting.domain;

import io.funnel.events.LifecycleStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collector;

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
        return journeys.stream().collect(figures());
    }

    /** The figures of the journeys collected, tallied one journey at a time. */
    public static Collector<LeadJourney, ?, Figures> figures() {
        return Collector.of(Tally::new, Tally::add, Tally::merge, Tally::figures);
    }

    static double hours(Duration duration) {
        return duration.toMillis() / 3_600_000.0;
    }

    private static final class Tally {

        private final long[] entered = new long[FUNNEL.size()];
        private final Samples[] hours = new Samples[FUNNEL.size()];
        private long recycled;
        private long disqualified;
        private long lost;

        Tally() {
            Arrays.setAll(hours, i -> new Samples());
        }

        void add(LeadJourney journey) {
            for (int i = 0; i < FUNNEL.size(); i++) {
                LifecycleStage stage = FUNNEL.get(i);
                if (journey.reached(stage)) {
                    entered[i]++;
                }
                Samples stageHours = hours[i];
                journey.timeIn(stage).ifPresent(d -> stageHours.add(hours(d)));
            }
            recycled += journey.reached(LifecycleStage.RECYCLED) ? 1 : 0;
            disqualified += journey.reached(LifecycleStage.DISQUALIFIED) ? 1 : 0;
            lost += journey.reached(LifecycleStage.LOST) ? 1 : 0;
        }

        Tally merge(Tally other) {
            for (int i = 0; i < FUNNEL.size(); i++) {
                entered[i] += other.entered[i];
                hours[i].addAll(other.hours[i]);
            }
            recycled += other.recycled;
            disqualified += other.disqualified;
            lost += other.lost;
            return this;
        }

        Figures figures() {
            List<StageCount> stages = new ArrayList<>();
            for (int i = 0; i < FUNNEL.size(); i++) {
                long next = i + 1 < FUNNEL.size() ? entered[i + 1] : 0;
                stages.add(new StageCount(FUNNEL.get(i), entered[i], Percentiles.share(next, entered[i]),
                        Percentiles.round2(hours[i].median()), Percentiles.round2(hours[i].percentile(0.9)),
                        hours[i].size()));
            }
            return new Figures(stages, recycled, disqualified, lost);
        }
    }
}
