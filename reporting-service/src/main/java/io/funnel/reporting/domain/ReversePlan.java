package io.funnel.reporting.domain;

import io.funnel.events.LifecycleStage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * The reverse funnel, pure arithmetic: from a revenue target and an average deal, the customers needed, then each
 * stage up from the measured conversion rates (rounded up at every step); when each must enter, going back from the
 * period's first day by the median times in stage; and what the open funnel is expected to deliver.
 */
public final class ReversePlan {

    public record StagePlan(LifecycleStage stage, double conversionToNext, double medianHoursInStage, Long needed,
            Instant enterBy, String enterByMonth, long inFunnelNow, Long neededForGap) {
    }

    public record Plan(String period, BigDecimal revenueTarget, BigDecimal averageDealSize,
            boolean averageDealSizeMeasured, Instant lookBackFrom, Instant lookBackTo, long customersNeeded,
            List<StagePlan> stages, double expectedCustomersFromFunnel, BigDecimal expectedRevenueFromFunnel,
            BigDecimal revenueGap, List<String> warnings) {
    }

    private ReversePlan() {
    }

    /**
     * @param history the figures of the journeys that first appeared in the look-back window, as of now (rates and
     *                times)
     * @param now     the journeys still open now, counted by the funnel stage they stand at ({@link #openByStage})
     */
    public static Plan plan(YearMonth period, BigDecimal target, BigDecimal dealSize, boolean measured,
            Instant lookBackFrom, Instant lookBackTo, FunnelMath.Figures history, long[] now) {
        List<FunnelMath.StageCount> rates = history.stages();
        int n = FunnelMath.FUNNEL.size();
        long customers = ceil(target.divide(dealSize, 10, RoundingMode.HALF_UP).doubleValue());
        Long[] needed = reverse(rates, customers);
        double expected = 0;
        for (int i = 0; i < n; i++) {
            expected += now[i] * probabilityToCustomer(rates, i);
        }
        expected = Percentiles.round2(expected);
        long gapCustomers = Math.max(0, ceil(customers - expected));
        Long[] forGap = reverse(rates, gapCustomers);
        Instant start = period.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<StagePlan> stages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        double hoursToCustomer = 0;
        Instant[] enterBy = new Instant[n];
        for (int i = n - 1; i >= 0; i--) {
            if (i < n - 1) {
                hoursToCustomer += rates.get(i).medianHoursInStage();
            }
            enterBy[i] = start.minus(Duration.ofMinutes(Math.round(hoursToCustomer * 60)));
        }
        for (int i = 0; i < n; i++) {
            FunnelMath.StageCount rate = rates.get(i);
            if (i < n - 1 && rate.conversionToNext() == 0) {
                warnings.add("No measured conversion from " + rate.stage() + " to " + FunnelMath.FUNNEL.get(i + 1)
                        + " in the look-back window: the stages above it cannot be planned");
            }
            stages.add(new StagePlan(rate.stage(), rate.conversionToNext(), rate.medianHoursInStage(), needed[i],
                    enterBy[i], YearMonth.from(enterBy[i].atOffset(ZoneOffset.UTC)).toString(), now[i],
                    forGap[i]));
        }
        BigDecimal expectedRevenue = dealSize.multiply(BigDecimal.valueOf(expected)).setScale(2, RoundingMode.HALF_UP);
        return new Plan(period.toString(), target, dealSize, measured, lookBackFrom, lookBackTo, customers, stages,
                expected, expectedRevenue, target.subtract(expectedRevenue).max(BigDecimal.ZERO)
                        .setScale(2, RoundingMode.HALF_UP), warnings);
    }

    /** Entries needed in each stage to end with {@code customers}; null above a stage that never converted. */
    private static Long[] reverse(List<FunnelMath.StageCount> rates, long customers) {
        int n = rates.size();
        Long[] needed = new Long[n];
        needed[n - 1] = customers;
        for (int i = n - 2; i >= 0; i--) {
            double conversion = rates.get(i).conversionToNext();
            needed[i] = needed[i + 1] == null || conversion == 0 ? null : ceil(needed[i + 1] / conversion);
        }
        return needed;
    }

    private static double probabilityToCustomer(List<FunnelMath.StageCount> rates, int from) {
        double p = 1;
        for (int i = from; i < rates.size() - 1; i++) {
            p *= rates.get(i).conversionToNext();
        }
        return p;
    }

    /** The journeys still open, counted by the funnel stage they stand at (indexed as {@link FunnelMath#FUNNEL}). */
    public static Collector<LeadJourney, ?, long[]> openByStage() {
        return Collectors.filtering(ReversePlan::isOpen, Collector.of(() -> new long[FunnelMath.FUNNEL.size()],
                (counts, journey) -> counts[FunnelMath.FUNNEL.indexOf(currentStage(journey))]++, (a, b) -> {
                    Arrays.setAll(a, i -> a[i] + b[i]);
                    return a;
                }));
    }

    /** Where an open lead stands: its furthest stage, or LEAD again once recycled (it is nurtured anew). */
    private static LifecycleStage currentStage(LeadJourney journey) {
        LifecycleStage furthest = journey.furthest().orElse(LifecycleStage.VISITOR);
        return journey.entries().containsKey(LifecycleStage.RECYCLED) && furthest.compareTo(LifecycleStage.LEAD) > 0
                && furthest.compareTo(LifecycleStage.OPPORTUNITY) < 0 ? LifecycleStage.LEAD : furthest;
    }

    /** Still in play: not a customer, not disqualified, not lost. */
    private static boolean isOpen(LeadJourney journey) {
        return !journey.reached(LifecycleStage.CUSTOMER) && !journey.entries().containsKey(LifecycleStage.DISQUALIFIED)
                && !journey.entries().containsKey(LifecycleStage.LOST);
    }

    /** Rounds up, forgiving floating-point noise (50.000000001 is 50). */
    private static long ceil(double value) {
        return (long) Math.ceil(value - 1e-9);
    }
}
