package org.interlay.chord;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.Record;
import org.interlay.overlay.node.GlobalView;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.overlay.sim.PlaneLatency;
import org.interlay.overlay.sim.SimCluster;
import org.interlay.overlay.sim.SimDefaults;

/**
 * Measures Chord in simulation: builds N nodes until every one agrees with the global view, runs
 * lookups of random keys from random nodes graded against the view, optionally stores records and
 * crashes a fraction of the nodes first. Prints path lengths, build time and heap.
 *
 * <pre>java -Xmx8g -cp ... org.interlay.chord.ChordSimulationMain --nodes 10000 --lookups 10000 [--crash 0.2]
 *     [--records 2000] [--growth 0.5 | --spacing 10] [--recursive] [--seed 1]</pre>
 */
public final class ChordSimulationMain {
    private static final long LIMIT = 3_600_000;
    private static final double MAX_JOINS_PER_SECOND = 5_000;

    public static void main(String[] args) {
        int nodes = intArg(args, "--nodes", 1000);
        int lookups = intArg(args, "--lookups", 10_000);
        long seed = intArg(args, "--seed", 1);
        long spacing = intArg(args, "--spacing", 0);
        double growth = Double.parseDouble(arg(args, "--growth", "0.5"));
        int records = intArg(args, "--records", 2000);
        double crash = Double.parseDouble(arg(args, "--crash", "0"));
        boolean recursive = Arrays.asList(args).contains("--recursive");
        NodeConfig config = NodeConfig.defaults("chord.sim").withRpc(SimDefaults.RPC)
                .withLookupMode(recursive ? NodeConfig.LookupMode.RECURSIVE : NodeConfig.LookupMode.ITERATIVE);
        SimCluster cluster = new SimCluster(new ChordAlgorithm(), config, PlaneLatency.wideArea(seed), seed);

        long start = System.nanoTime();
        int failed = spacing > 0 ? cluster.grow(nodes, spacing, LIMIT) : growInProportion(cluster, nodes, growth);
        System.out.printf("joined %d nodes (%d failed) in %.1f s wall, %.0f s virtual, %d events%n", nodes, failed,
                seconds(start), cluster.scheduler().nowMillis() / 1000.0, cluster.scheduler().eventsRun());
        boolean stable = stabilize(cluster, start);
        double buildSeconds = seconds(start);
        System.out.printf("%s: build %.1f s wall (%.1f s of CPU), %.0f s virtual, %d events, heap used %d MB (peak %d MB)%n",
                stable ? "stable" : "NOT stable", buildSeconds, cpuSeconds(), cluster.scheduler().nowMillis() / 1000.0,
                cluster.scheduler().eventsRun(), usedHeapMb(), peakHeapMb());

        runLookups(cluster, lookups);
        if (crash > 0) {
            List<Record> stored = store(cluster, records);
            int crashed = cluster.crashFraction(crash).size();
            System.out.printf("stored %d records, crashed %d nodes at once%n", stored.size(), crashed);
            long repairStart = System.nanoTime();
            boolean repaired = stabilize(cluster, repairStart);
            cluster.scheduler().runFor(2 * config.maintenanceMillis());
            System.out.printf("%s after %.1f s wall; lost records: %d of %d%n", repaired ? "repaired" : "NOT repaired",
                    seconds(repairStart), lost(cluster, stored), stored.size());
            runLookups(cluster, lookups);
        }
        System.out.printf("total %.1f s wall, peak heap %d MB%n", seconds(start), peakHeapMb());
    }

    /**
     * Joins at a rate in proportion to the ring's size ({@code growth} joins per node per second, at
     * most {@link #MAX_JOINS_PER_SECOND}), so each gap between nodes sees about the same rate of joins
     * whatever the size: a ring grows exponentially instead of taking a flash crowd while it is small.
     */
    private static int growInProportion(SimCluster cluster, int nodes, double growth) {
        List<CompletableFuture<OverlayNode>> joins = new ArrayList<>();
        double due = 1;
        while (joins.size() < nodes) {
            for (; due >= 1 && joins.size() < nodes; due--) joins.add(cluster.join().exceptionally(e -> null));
            due += Math.min(MAX_JOINS_PER_SECOND, Math.max(1, growth * joins.size())) / 1000.0;
            cluster.scheduler().runFor(1);
        }
        cluster.await(CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)), LIMIT);
        return (int) joins.stream().filter(j -> j.join() == null).count();
    }

    private static boolean stabilize(SimCluster cluster, long start) {
        long deadline = cluster.scheduler().nowMillis() + LIMIT;
        while (cluster.scheduler().nowMillis() < deadline) {
            if (cluster.stabilize(1_000, 10_000)) return true;
            System.out.printf("  %.0f s virtual, %.1f s wall: %d nodes disagree (%s), %d events%n",
                    cluster.scheduler().nowMillis() / 1000.0, seconds(start), cluster.disagreeing(), why(cluster),
                    cluster.scheduler().eventsRun());
        }
        return false;
    }

    /** How many nodes have a wrong predecessor, successor, successor list, fingers. */
    private static String why(SimCluster cluster) {
        GlobalView view = cluster.view();
        int pred = 0, succ = 0, fingers = 0, first = 0;
        for (OverlayNode n : cluster.live()) {
            ChordState s = ((ChordRouting) n.routing()).state();
            Key id = n.self().id();
            if (s.predecessor() == null || !s.predecessor().id().equals(view.predecessorOf(id))) pred++;
            if (!s.successors().matches(view.successorsOf(id, s.successors().capacity()))) succ++;
            if (s.successor() == null || !s.successor().id().equals(view.successorsOf(id, 1).get(0))) first++;
            if (!s.fingers().matches(view)) fingers++;
        }
        return "predecessor " + pred + ", successor " + first + ", successor lists " + succ + ", fingers " + fingers;
    }

    private static void runLookups(SimCluster cluster, int count) {
        GlobalView view = cluster.view();
        List<CompletableFuture<LookupResult>> pending = new ArrayList<>();
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Key key = Key.random(cluster.random());
            keys.add(key);
            pending.add(cluster.randomLive().lookup(key).exceptionally(e -> null));
            cluster.scheduler().runFor(1);
        }
        cluster.await(CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)), LIMIT);
        int correct = 0, failed = 0;
        int[] hops = new int[count];
        int n = 0;
        long latency = 0;
        for (int i = 0; i < count; i++) {
            LookupResult r = pending.get(i).join();
            if (r == null) {
                failed++;
                continue;
            }
            if (r.responsible().id().equals(view.successor(keys.get(i)))) correct++;
            hops[n++] = r.hops();
            latency += r.latencyMillis();
        }
        int[] h = Arrays.copyOf(hops, n);
        Arrays.sort(h);
        double mean = Arrays.stream(h).average().orElse(0);
        System.out.printf("lookups %d: correct %.2f%% (%d failed), hops mean %.2f p50 %d p99 %d max %d "
                        + "(log2 N = %.2f), latency mean %.0f ms%n", count, 100.0 * correct / count, failed, mean,
                pct(h, 50), pct(h, 99), n == 0 ? 0 : h[n - 1], Math.log(view.size()) / Math.log(2),
                n == 0 ? 0.0 : (double) latency / n);
    }

    private static List<Record> store(SimCluster cluster, int count) {
        List<Record> records = new ArrayList<>();
        List<CompletableFuture<Boolean>> puts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String aor = "user" + i + "@chord.sim";
            Record r = Record.of("sip-binding", aor, ("sip:" + i).getBytes(), aor, cluster.scheduler().nowMillis(),
                    24 * 3_600_000L);
            records.add(r);
            puts.add(cluster.randomLive().put(r).handle((v, e) -> e == null));
            cluster.scheduler().runFor(1);
        }
        cluster.await(CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)), LIMIT);
        List<Record> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) if (puts.get(i).join()) stored.add(records.get(i));
        return stored;
    }

    private static int lost(SimCluster cluster, List<Record> stored) {
        List<CompletableFuture<Boolean>> gets = new ArrayList<>();
        for (Record r : stored) {
            OverlayNode from = cluster.randomLive();
            gets.add(from.get(r.key()).handle((Optional<Record> got, Throwable e) ->
                    e == null && got.isPresent() && Arrays.equals(got.get().value(), r.value())));
            cluster.scheduler().runFor(1);
        }
        cluster.await(CompletableFuture.allOf(gets.toArray(CompletableFuture[]::new)), LIMIT);
        return (int) gets.stream().filter(g -> !g.join()).count();
    }

    private static int pct(int[] sorted, int p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long usedHeapMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak >> 20;
    }

    /** CPU time of the whole process (simulation thread, collector and compiler threads). */
    private static double cpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(arg(args, name, Integer.toString(fallback)));
    }
}
