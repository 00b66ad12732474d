package org.interlay.kademlia;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.Record;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.overlay.sim.SimCluster;

/**
 * Measures a simulated Kademlia overlay: builds N nodes, waits until stable, stores records, runs
 * lookups of random keys from random nodes against the global view, optionally crashes a fraction of
 * the nodes first, and prints one line of figures.
 *
 * <pre>
 *   java -Xmx8g -cp ... org.interlay.kademlia.KademliaSimulationMain NODES LOOKUPS SEED [CRASH] [RECORDS]
 * </pre>
 */
public final class KademliaSimulationMain {
    private KademliaSimulationMain() {}

    public static void main(String[] args) {
        int nodes = Integer.parseInt(args[0]);
        int lookups = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        double crash = args.length > 3 ? Double.parseDouble(args[3]) : 0;
        int records = args.length > 4 ? Integer.parseInt(args[4]) : 1_000;

        long start = System.nanoTime();
        SimCluster cluster = new SimCluster(new KademliaAlgorithm(), "kad.lab", seed);
        cluster.grow(nodes, 10, 3_600_000);
        double grownSeconds = seconds(start);
        boolean stable = cluster.stabilize(1_000, 3_600_000);
        double buildSeconds = seconds(start);
        System.out.printf(Locale.ROOT, "built %d nodes: joined in %.1f s, stable=%s after %.1f s wall (%.1f s cpu), "
                        + "%.0f s virtual, %d events%n", nodes, grownSeconds, stable, buildSeconds, cpuSeconds(),
                cluster.scheduler().nowMillis() / 1000.0, cluster.scheduler().eventsRun());

        List<Record> stored = store(cluster, records);
        System.out.printf(Locale.ROOT, "stored %d records%n", stored.size());

        if (crash > 0) {
            long crashStart = System.nanoTime();
            cluster.crashFraction(crash);
            cluster.scheduler().runFor(60_000);
            boolean repaired = cluster.stabilize(1_000, 3_600_000);
            System.out.printf(Locale.ROOT, "crashed %.0f%%: %d live, stable again=%s after %.1f s wall, %.0f s virtual%n",
                    crash * 100, cluster.live().size(), repaired, seconds(crashStart),
                    cluster.scheduler().nowMillis() / 1000.0);
        }

        int lost = 0;
        for (Record r : stored) {
            Optional<Record> got = cluster.await(cluster.randomLive().get(r.key()), 600_000);
            if (got.isEmpty() || !Arrays.equals(got.get().value(), r.value())) lost++;
        }

        long lookupStart = System.nanoTime();
        int correct = 0, failed = 0;
        int[] hops = new int[lookups];
        int[] rounds = new int[lookups];
        long messages = 0, latency = 0;
        for (int i = 0; i < lookups; i++) {
            Key key = Key.random(cluster.random());
            OverlayNode from = cluster.randomLive();
            try {
                LookupResult r = cluster.await(from.lookup(key), 600_000);
                if (r.responsible().id().equals(cluster.responsible(key))) correct++;
                hops[i] = r.hops();
                rounds[i] = r.rounds();
                messages += r.messages();
                latency += r.latencyMillis();
            } catch (RuntimeException e) {
                failed++;
            }
        }
        double lookupSeconds = seconds(lookupStart);
        Arrays.sort(hops);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
        System.out.printf(Locale.ROOT,
                "{\"algo\":\"kademlia\",\"nodes\":%d,\"lookups\":%d,\"success\":%.4f,\"failed\":%d,\"meanHops\":%.3f,"
                        + "\"p50Hops\":%d,\"p99Hops\":%d,\"meanRounds\":%.3f,\"maxRounds\":%d,\"meanMessages\":%.1f,"
                        + "\"meanLatencyMs\":%.1f,\"records\":%d,\"lostRecords\":%d,\"buildSeconds\":%.1f,"
                        + "\"lookupSeconds\":%.1f,\"wallSeconds\":%.1f,\"heapMb\":%d,\"peakHeapMb\":%d}%n",
                nodes, lookups, correct / (double) lookups, failed, mean(hops), hops[lookups / 2],
                hops[(int) Math.min(lookups - 1, Math.ceil(lookups * 0.99) - 1)], mean(rounds),
                Arrays.stream(rounds).max().orElse(0), messages / (double) lookups, latency / (double) lookups,
                stored.size(), lost, buildSeconds, lookupSeconds, seconds(start), heapMb, peakHeapMb());
    }

    private static List<Record> store(SimCluster cluster, int count) {
        List<Record> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Record r = Record.of("binding", "sip:user" + i + "@kad.lab", ("contact " + i).getBytes(StandardCharsets.UTF_8),
                    "user" + i, cluster.scheduler().nowMillis(), 24L * 3600 * 1000);
            cluster.await(cluster.randomLive().put(r), 600_000);
            out.add(r);
        }
        return out;
    }

    private static double mean(int[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    /** CPU time of this process: on a shared machine, a fairer measure of the work than wall time. */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak >> 20;
    }
}
