package io.funnel.reporting.domain;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles by linear interpolation between closest ranks (as PostgreSQL's percentile_cont); empty gives 0. */
public final class Percentiles {

    private Percentiles() {
    }

    public static double of(Collection<Double> values, double percentile) {
        if (values.isEmpty()) {
            return 0.0;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double rank = percentile * (sorted.length - 1);
        int lower = (int) Math.floor(rank);
        int upper = (int) Math.ceil(rank);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
    }

    public static double median(Collection<Double> values) {
        return of(values, 0.5);
    }

    /** Rounds for display: two decimals. */
    public static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** A share of a whole, four decimals; 0 when the whole is 0 (never NaN). */
    public static double share(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round((double) part / whole * 10_000) / 10_000.0;
    }
}
