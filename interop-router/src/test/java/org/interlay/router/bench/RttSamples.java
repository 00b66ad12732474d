package org.interlay.router.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The response times SIPp traced (-trace_rtt -rtt_freq 1): one line per answered request, the time
 * it was answered (ms since the run started) and how long the answer took (whole milliseconds: SIPp's
 * clock ticks in ms).
 */
record RttSamples(double[] answeredAtMillis, double[] responseMillis) {
    static RttSamples read(Path dir) throws IOException {
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(p -> p.getFileName().toString().endsWith("_rtt.csv")).findFirst()
                    .orElseThrow(() -> new IOException("no _rtt.csv in " + dir));
        }
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split(";");
            if (f.length < 2 || !Character.isDigit(f[0].charAt(0))) continue;
            rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
        }
        double[] at = new double[rows.size()];
        double[] rt = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            at[i] = rows.get(i)[0];
            rt[i] = rows.get(i)[1];
        }
        return new RttSamples(at, rt);
    }

    int count() {
        return responseMillis.length;
    }

    /** The q-quantile (0..1) of the response times, in ms. */
    double quantile(double q) {
        if (responseMillis.length == 0) return Double.NaN;
        double[] sorted = responseMillis.clone();
        java.util.Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    double max() {
        return quantile(1.0);
    }

    /** Answered requests per second between the first and the last answer. */
    double throughput() {
        if (answeredAtMillis.length < 2) return 0;
        double first = Double.MAX_VALUE;
        double last = 0;
        for (double t : answeredAtMillis) {
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        return (answeredAtMillis.length - 1) / Math.max(0.001, (last - first) / 1000.0);
    }
}
