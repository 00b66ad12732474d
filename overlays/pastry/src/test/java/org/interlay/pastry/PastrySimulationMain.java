package org.interlay.pastry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.Record;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.overlay.sim.SimCluster;

/**
 * Measures a simulated Pastry overlay: {@code nodes lookups seed [crashFraction] [spacingMillis]}.
 * Builds the overlay, waits until it is stable, runs lookups of random keys from random nodes and checks
 * each against the global view; with a crash fraction, stores records first, crashes that fraction at
 * once, lets the overlay repair, and counts the records still found.
 */
public final class PastrySimulationMain {
    public static void main(String[] args) {
        int nodes = Integer.parseInt(args[0]);
        int lookups = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        double crash = args.length > 3 ? Double.parseDouble(args[3]) : 0;
        long spacing = args.length > 4 ? Long.parseLong(args[4]) : 10;
        long wallStart = System.nanoTime();
        SimCluster cluster = new SimCluster(new PastryAlgorithm(), "pastry.sim", seed);
        cluster.grow(nodes, spacing, 3_600_000);
        double grown = seconds(wallStart);
        long virtualGrown = cluster.scheduler().nowMillis();
        boolean stable = false;
        for (int i = 0; i < 120 && !stable; i++) {
            stable = cluster.stabilize(1_000, 5_000);
            if (!stable) System.out.println("  t=" + cluster.scheduler().nowMillis() / 1000 + " s: " + disagreement(cluster));
        }
        double built = seconds(wallStart);
        long probes = 0;
        for (OverlayNode n : cluster.live()) probes += ((Number) n.routing().describe().get("probes")).longValue();
        System.out.printf("nodes %d grown in %.1f s wall (%d s virtual), stable=%s after %.1f s wall, %.1f s cpu (%d s virtual), "
                        + "disagreeing %d, events %d, datagrams %d, probes %d%n", nodes, grown, virtualGrown / 1000, stable,
                built, cpuSeconds(), cluster.scheduler().nowMillis() / 1000, stable ? 0 : cluster.disagreeing(),
                cluster.scheduler().eventsRun(), cluster.network().delivered(), probes);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("live heap of the stable overlay: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        report(cluster, "stable", lookups);
        if (crash > 0) crashAndCheck(cluster, crash, lookups);
        long peak = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        System.out.printf("wall %.1f s, cpu %.1f s, peak heap %d MB (max %d MB)%n",
                seconds(wallStart), cpuSeconds(), peak >> 20, rt.maxMemory() >> 20);
    }

    private static void crashAndCheck(SimCluster cluster, double fraction, int lookups) {
        List<Record> stored = new ArrayList<>();
        Random r = new Random(7);
        int records = Math.min(lookups, 10_000);
        List<java.util.concurrent.CompletableFuture<Void>> puts = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            Record rec = Record.of("sip", "sip:user" + i + "@pastry.sim", ("contact" + r.nextInt()).getBytes(), "test",
                    cluster.scheduler().nowMillis(), 24 * 3_600_000L);
            stored.add(rec);
            puts.add(cluster.randomLive().put(rec));
        }
        int putFailures = 0;
        for (var f : puts) {
            try {
                cluster.await(f, 600_000);
            } catch (RuntimeException e) {
                putFailures++;
            }
        }
        cluster.scheduler().runFor(20_000);
        long t = System.nanoTime();
        cluster.crashFraction(fraction);
        boolean stable = cluster.stabilize(1_000, 600_000);
        System.out.printf("crashed %.0f%%: stable=%s after %d s virtual, %.1f s wall, disagreeing %d, put failures %d%n",
                fraction * 100, stable, cluster.scheduler().nowMillis() / 1000, seconds(t),
                stable ? 0 : cluster.disagreeing(), putFailures);
        int lost = 0;
        List<java.util.concurrent.CompletableFuture<java.util.Optional<Record>>> gets = new ArrayList<>();
        for (Record rec : stored) gets.add(cluster.randomLive().get(rec.key()));
        for (int i = 0; i < gets.size(); i++) {
            try {
                if (cluster.await(gets.get(i), 600_000).isEmpty()) lost++;
            } catch (RuntimeException e) {
                lost++;
            }
        }
        System.out.printf("records %d, lost %d%n", stored.size(), lost);
        report(cluster, "after crash", lookups);
    }

    private static void report(SimCluster cluster, String label, int lookups) {
        Random r = new Random(11);
        List<java.util.concurrent.CompletableFuture<LookupResult>> futures = new ArrayList<>();
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < lookups; i++) {
            Key k = Key.random(r);
            keys.add(k);
            OverlayNode from = cluster.live().get(r.nextInt(cluster.live().size()));
            futures.add(from.lookup(k));
        }
        int ok = 0, failed = 0;
        int[] hops = new int[lookups];
        long messages = 0, latency = 0;
        int n = 0;
        for (int i = 0; i < lookups; i++) {
            try {
                LookupResult res = cluster.await(futures.get(i), 600_000);
                if (res.responsible().id().equals(cluster.responsible(keys.get(i)))) ok++;
                hops[n++] = res.hops();
                messages += res.messages();
                latency += res.latencyMillis();
            } catch (RuntimeException e) {
                failed++;
            }
        }
        int[] h = Arrays.copyOf(hops, n);
        Arrays.sort(h);
        double mean = Arrays.stream(h).average().orElse(0);
        int[] histogram = new int[10];
        for (int x : h) histogram[Math.min(9, x)]++;
        System.out.printf("%s: lookups %d, correct %.4f, failed %d, mean hops %.3f, p50 %d, p99 %d, max %d, "
                        + "mean messages %.2f, mean latency %.0f ms, hops histogram %s%n",
                label, lookups, ok / (double) lookups, failed, mean, n == 0 ? 0 : h[n / 2],
                n == 0 ? 0 : h[(int) (n * 0.99)], n == 0 ? 0 : h[n - 1], messages / (double) Math.max(1, n),
                latency / (double) Math.max(1, n), Arrays.toString(histogram));
    }

    /** How many nodes disagree with the global view, in the leaf set and in the routing table. */
    static String disagreement(SimCluster cluster) {
        org.interlay.overlay.node.GlobalView view = cluster.view();
        int leaves = 0, tables = 0;
        for (OverlayNode n : cluster.live()) {
            PastryRouting p = (PastryRouting) n.routing();
            if (!GlobalViewCheck.leafSetAgrees(view, n.self().id(), p.leafSet())) leaves++;
            if (!GlobalViewCheck.tableAgrees(view, n.self().id(), p.table())) tables++;
        }
        StringBuilder detail = new StringBuilder();
        for (OverlayNode n : cluster.live()) {
            PastryRouting p = (PastryRouting) n.routing();
            if (GlobalViewCheck.tableAgrees(view, n.self().id(), p.table()) || detail.length() > 400) continue;
            Key self = n.self().id();
            RoutingTable t = p.table();
            for (int row = 0; row <= t.deepestRow() + 1; row++) {
                for (int c = 0; c < 16; c++) {
                    if (c == self.digit(row, 4)) continue;
                    Key low = GlobalViewCheck.withDigit(self, row, c, 4);
                    Key there = view.get(view.ceilingIndex(low));
                    boolean exists = there.sharedPrefixDigits(low, 4) >= row + 1;
                    NodeRef e = t.get(row, c);
                    if (e == null && exists) detail.append(" [").append(self).append(" row ").append(row).append(" missing ").append(there).append("]");
                    if (e != null && !view.contains(e.id())) detail.append(" [").append(self).append(" dead ").append(e).append("]");
                }
            }
        }
        return "leaf sets wrong " + leaves + ", routing tables wrong " + tables + detail;
    }

    private static double cpuSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
