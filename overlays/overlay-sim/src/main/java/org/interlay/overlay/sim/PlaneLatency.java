package org.interlay.overlay.sim;

import java.util.Random;
import org.interlay.overlay.Address;

/**
 * Nodes placed at seeded random points of a unit square; delay grows with distance, from
 * {@code minMillis} for neighbours to {@code maxMillis} across the diagonal. It satisfies the
 * triangle inequality, like the Euclidean proximity space of the Pastry paper, so locality-aware
 * routing tables have something to find.
 */
public final class PlaneLatency implements LatencyModel {
    private final long seed;
    private final double minMillis;
    private final double spanMillis;

    public PlaneLatency(long seed, long minMillis, long maxMillis) {
        if (minMillis < 0 || maxMillis < minMillis) throw new IllegalArgumentException("need 0 <= min <= max");
        this.seed = seed;
        this.minMillis = minMillis;
        this.spanMillis = (maxMillis - minMillis) / Math.sqrt(2);
    }

    /** The default for simulations: 5 ms to 100 ms one way. */
    public static PlaneLatency wideArea(long seed) {
        return new PlaneLatency(seed, 5, 100);
    }

    @Override
    public long latencyMillis(Address from, Address to) {
        if (from.equals(to)) return 0;
        double[] a = position(from), b = position(to);
        double d = Math.hypot(a[0] - b[0], a[1] - b[1]);
        return Math.round(minMillis + d * spanMillis);
    }

    /** Where a node sits: derived from the seed and its address, so it costs no memory per node. */
    public double[] position(Address a) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L ^ ((long) a.ipv4() << 16 | a.port()));
        return new double[] {r.nextDouble(), r.nextDouble()};
    }
}
