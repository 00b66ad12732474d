package org.interlay.harness.sim;

import java.util.Arrays;

/** A growing list of samples with mean and nearest-rank percentiles. */
final class Distribution {
    private double[] values = new double[64];
    private int size;

    void add(double v) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = v;
    }

    int size() {
        return size;
    }

    double mean() {
        if (size == 0) return 0;
        double sum = 0;
        for (int i = 0; i < size; i++) sum += values[i];
        return sum / size;
    }

    /** The p-th percentile (0 < p <= 100) by nearest rank; 0 when empty. */
    double percentile(double p) {
        if (size == 0) return 0;
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    double max() {
        return percentile(100);
    }
}
