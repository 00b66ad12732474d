package org.interlay.discovery.bench;

import java.util.ArrayList;
import java.util.List;

/** Durations in ns, summarised by nearest-rank percentiles. */
final class Samples {

    private final String name;
    private final List<Long> values = new ArrayList<>();

    Samples(String name) {
        this.name = name;
    }

    void add(long nanos) {
        values.add(nanos);
    }

    int count() {
        return values.size();
    }

    /** The nearest-rank percentile, in seconds. */
    double percentile(double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e9;
    }

    String row() {
        return String.format("  %-44s %3d  %7.3f  %7.3f  %7.3f  %7.3f",
                name, count(), percentile(50), percentile(95), percentile(0), percentile(100));
    }

    static String header() {
        return String.format("  %-44s %3s  %7s  %7s  %7s  %7s", "seconds", "n", "median", "p95", "min", "max");
    }
}
