package io.funnel.reporting.domain;

import java.util.Arrays;

/**
 * Measured values (hours) kept as primitives, for percentiles by linear interpolation between closest ranks (as
 * PostgreSQL's percentile_cont); none gives 0.
 */
public final class Samples {

    private double[] values = new double[16];
    private int size;

    public void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public Samples addAll(Samples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
        return this;
    }

    public int size() {
        return size;
    }

    public double percentile(double percentile) {
        if (size == 0) {
            return 0.0;
        }
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        double rank = percentile * (size - 1);
        int lower = (int) Math.floor(rank);
        int upper = (int) Math.ceil(rank);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
    }

    public double median() {
        return percentile(0.5);
    }
}
