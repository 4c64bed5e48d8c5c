package io.funnel.reporting.domain;

/** Rounding of the figures reports show; the percentiles themselves are {@link Samples}'. */
public final class Percentiles {

    private Percentiles() {
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
