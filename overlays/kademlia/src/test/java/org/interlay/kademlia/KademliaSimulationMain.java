package org.interlay.kademlia;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.Record;
import org.interlay.overlay.sim.SimCluster;

/**
 * Measures a simulated Kademlia overlay: builds N nodes (one joining every 10 ms of virtual time),
 * runs until every node agrees with the global view, stores records, optionally crashes a fraction
 * of the nodes at once, reads every record back and runs lookups of random keys from random nodes,
 * checking each against the global view. Operations run 100 at a time, as many users would, so
 * that the measurement does not stretch over hours of virtual time.
 *
 * <pre>
 *   java -Xmx8g -cp CLASSPATH org.interlay.kademlia.KademliaSimulationMain NODES LOOKUPS SEED [CRASH] [RECORDS]
 * </pre>
 */
public final class KademliaSimulationMain {
    private static final long LIMIT = 3_600_000;
    private static final int BATCH = 100;

    private KademliaSimulationMain() {}

    public static void main(String[] args) {
        int nodes = Integer.parseInt(args[0]);
        int lookups = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        double crash = args.length > 3 ? Double.parseDouble(args[3]) : 0;
        int recordCount = args.length > 4 ? Integer.parseInt(args[4]) : 1_000;

        long start = System.nanoTime();
        SimCluster cluster = new SimCluster(new KademliaAlgorithm(), "kad.lab", seed);
        cluster.grow(nodes, 10, LIMIT);
        double joinedSeconds = seconds(start);
        boolean stable = cluster.stabilize(1_000, LIMIT);
        double buildSeconds = seconds(start);
        double buildCpu = cpuSeconds();
        System.gc();
        long builtHeapMb = usedHeapMb();
        System.out.printf(Locale.ROOT, "built %d nodes: joined %.1f s, stable=%s at %.1f s wall (%.1f s cpu), "
                        + "%.0f s virtual, %d events, heap after gc %d MB%n", nodes, joinedSeconds, stable, buildSeconds,
                buildCpu, cluster.scheduler().nowMillis() / 1000.0, cluster.scheduler().eventsRun(), builtHeapMb);

        List<Record> records = new ArrayList<>();
        for (int i = 0; i < recordCount; i++) {
            records.add(Record.of("binding", "sip:user" + i + "@kad.lab",
                    ("contact " + i).getBytes(StandardCharsets.UTF_8), "user" + i, cluster.scheduler().nowMillis(),
                    24L * 3600 * 1000));
        }
        inBatches(cluster, recordCount, i -> cluster.randomLive().put(records.get(i)));

        if (crash > 0) {
            long crashStart = System.nanoTime();
            long crashedAt = cluster.scheduler().nowMillis();
            cluster.crashFraction(crash);
            boolean repaired = cluster.stabilize(1_000, 10 * 60_000);
            System.out.printf(Locale.ROOT, "crashed %.0f%%: %d live; stable again=%s after %.0f s virtual, %.1f s wall%n",
                    crash * 100, cluster.live().size(), repaired, (cluster.scheduler().nowMillis() - crashedAt) / 1000.0,
                    seconds(crashStart));
            cluster.scheduler().runFor(20_000);
        }

        List<Object> got = inBatches(cluster, recordCount, i -> cluster.randomLive().get(records.get(i).key())
                .thenApply(r -> r.isPresent() && Arrays.equals(r.get().value(), records.get(i).value())));
        long lost = got.stream().filter(found -> !Boolean.TRUE.equals(found)).count();

        long lookupStart = System.nanoTime();
        Key[] keys = new Key[lookups];
        for (int i = 0; i < lookups; i++) keys[i] = Key.random(cluster.random());
        List<Object> results = inBatches(cluster, lookups, i -> cluster.randomLive().lookup(keys[i]));
        double lookupSeconds = seconds(lookupStart);

        int correct = 0, failed = 0;
        int[] hops = new int[lookups];
        int[] rounds = new int[lookups];
        long messages = 0, latency = 0;
        for (int i = 0; i < lookups; i++) {
            if (!(results.get(i) instanceof LookupResult r)) {
                failed++;
                continue;
            }
            if (r.responsible().id().equals(cluster.responsible(keys[i]))) correct++;
            hops[i] = r.hops();
            rounds[i] = r.rounds();
            messages += r.messages();
            latency += r.latencyMillis();
        }
        int answered = lookups - failed;
        Arrays.sort(hops);
        System.out.printf(Locale.ROOT,
                "{\"algo\":\"kademlia\",\"nodes\":%d,\"lookups\":%d,\"success\":%.4f,\"failed\":%d,\"meanHops\":%.3f,"
                        + "\"p50Hops\":%d,\"p99Hops\":%d,\"meanRounds\":%.3f,\"maxRounds\":%d,\"meanMessages\":%.1f,"
                        + "\"meanLatencyMs\":%.1f,\"records\":%d,\"lostRecords\":%d,\"stable\":%s,\"buildSeconds\":%.1f,"
                        + "\"buildCpuSeconds\":%.1f,\"lookupSeconds\":%.1f,\"wallSeconds\":%.1f,\"heapMb\":%d,"
                        + "\"peakHeapMb\":%d}%n",
                nodes, lookups, correct / (double) lookups, failed, mean(hops), hops[lookups / 2],
                hops[(int) Math.min(lookups - 1, Math.ceil(lookups * 0.99) - 1)], mean(rounds),
                Arrays.stream(rounds).max().orElse(0), messages / (double) Math.max(1, answered),
                latency / (double) Math.max(1, answered), recordCount, lost, stable, buildSeconds, buildCpu,
                lookupSeconds, seconds(start), builtHeapMb, peakHeapMb());
    }

    /** Runs {@code count} operations, {@link #BATCH} at a time; each result, or the failure, in order. */
    private static List<Object> inBatches(SimCluster cluster, int count, IntFunction<CompletableFuture<?>> operation) {
        List<Object> out = new ArrayList<>(count);
        for (int from = 0; from < count; from += BATCH) {
            List<CompletableFuture<?>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + BATCH); i++) batch.add(operation.apply(i));
            CompletableFuture<Void> all = CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new));
            cluster.scheduler().runUntil(all::isDone, 10, LIMIT);
            for (CompletableFuture<?> f : batch) out.add(f.isCompletedExceptionally() || !f.isDone() ? null : f.join());
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

    private static long usedHeapMb() {
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
}
