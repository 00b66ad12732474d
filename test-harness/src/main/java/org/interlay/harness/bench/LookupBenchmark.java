package org.interlay.harness.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.interlay.overlay.Key;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.router.membership.InstalledAlgorithms;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.overlay.sim.UdpCluster;

/**
 * Lookup latency on real UDP: N nodes of one algorithm on 127.0.0.1 in one process and one event
 * loop, then lookups of random keys from random nodes, a few in flight at a time, each timed from
 * the call to the completed future and checked against the global view.
 */
public final class LookupBenchmark {
    /**
     * @param concurrency lookups in flight at once
     * @param secure      a secure overlay: every node enrolled in an authority held in memory, frames signed, or MACed between known peers, and checked
     * @param stabilizeMillis period of each node's own maintenance (stabilize, leaf-set repair, refresh)
     * @param warmup      lookups run and not timed before the timed ones (other keys, from other nodes): the
     *                    nodes meet the peers they will ask, so a secure overlay's timed lookups go between nodes
     *                    that know each other (the timed lookups are the same with or without them)
     */
    public record Spec(String algorithm, int nodes, int lookups, int concurrency, long seed, boolean secure,
                       long stabilizeMillis, int warmup) {
        public Spec {
            if (nodes < 1 || lookups < 1 || concurrency < 1) {
                throw new IllegalArgumentException("--nodes, --lookups and --concurrency must be positive");
            }
            if (stabilizeMillis < 1) throw new IllegalArgumentException("--stabilize must be positive");
            if (warmup < 0) throw new IllegalArgumentException("--warmup must not be negative");
        }

        public Spec(String algorithm, int nodes, int lookups, int concurrency, long seed, boolean secure, long stabilizeMillis) {
            this(algorithm, nodes, lookups, concurrency, seed, secure, stabilizeMillis, 0);
        }
    }

    public record Result(String algorithm, boolean secure, long stabilizeMillis, int nodes, int lookups, int correct, double buildSeconds, double p50Ms,
                         double p90Ms, double p99Ms, double maxMs, double meanHops, double lookupsPerSecond, int warmup) {
        public String toText() {
            return String.format("%s on UDP (%s), %d nodes in one event loop (stabilize every %d ms): built and stable in %.1f s%s%n"
                            + "  %d lookups, %d correct; latency p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms;"
                            + " mean hops %.2f; %.0f lookups/s%n",
                    algorithm, secure ? "secure: signed and MACed frames" : "open", nodes, stabilizeMillis, buildSeconds,
                    warmup == 0 ? "" : String.format("; then %d lookups untimed", warmup), lookups, correct, p50Ms, p90Ms, p99Ms, maxMs,
                    meanHops, lookupsPerSecond);
        }
    }

    private final PrintStream progress;

    public LookupBenchmark(PrintStream progress) {
        this.progress = progress;
    }

    public Result run(Spec spec) throws InterruptedException {
        OverlayAlgorithm algorithm = InstalledAlgorithms.named(spec.algorithm());
        NodeConfig defaults = NodeConfig.defaults(algorithm.name() + ".bench");
        NodeConfig config = defaults.withPeriods(defaults.maintenanceMillis(), spec.stabilizeMillis());
        try (UdpCluster cluster = new UdpCluster(algorithm, config, spec.seed(), spec.secure())) {
            long start = System.nanoTime();
            progress.printf("%s: starting %d nodes on 127.0.0.1%n", algorithm.name(), spec.nodes());
            // one thread signs and checks every node's frames: a secure overlay's joins queue behind them
            cluster.grow(spec.nodes(), Duration.ofSeconds(spec.secure() ? 300 : 30));
            boolean stable = cluster.awaitStable(Duration.ofMinutes(5));
            double build = (System.nanoTime() - start) / 1e9;
            progress.printf("%s: %s after %.1f s%n", algorithm.name(), stable ? "stable" : "NOT stable", build);

            List<OverlayNode> nodes = cluster.nodes();
            if (spec.warmup() > 0) {
                progress.printf("%s: %d lookups untimed%n", algorithm.name(), spec.warmup());
                lookups(cluster, nodes, spec.warmup(), spec.concurrency(), new Random(~spec.seed()), new double[spec.warmup()],
                        new int[spec.warmup()], new AtomicInteger());
            }
            Random random = new Random(spec.seed());
            double[] latencies = new double[spec.lookups()];
            int[] hops = new int[spec.lookups()];
            AtomicInteger correct = new AtomicInteger();
            long began = System.nanoTime();
            lookups(cluster, nodes, spec.lookups(), spec.concurrency(), random, latencies, hops, correct);
            double seconds = (System.nanoTime() - began) / 1e9;
            double[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return new Result(algorithm.name(), spec.secure(), spec.stabilizeMillis(), spec.nodes(), spec.lookups(), correct.get(), build,
                    percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1],
                    Arrays.stream(hops).average().orElse(0), spec.lookups() / seconds, spec.warmup());
        }
    }

    /** {@code count} lookups of random keys from random nodes, {@code concurrency} in flight; each timed and checked. */
    private static void lookups(UdpCluster cluster, List<OverlayNode> nodes, int count, int concurrency, Random random,
                                double[] latencies, int[] hops, AtomicInteger correct) throws InterruptedException {
        Semaphore window = new Semaphore(concurrency);
        CompletableFuture<?>[] all = new CompletableFuture<?>[count];
        for (int i = 0; i < count; i++) {
            window.acquire();
            Key key = Key.random(random);
            Key expected = cluster.responsible(key);
            OverlayNode from = nodes.get(random.nextInt(nodes.size()));
            int index = i;
            long t0 = System.nanoTime();
            all[i] = from.lookup(key).whenComplete((r, e) -> {
                latencies[index] = (System.nanoTime() - t0) / 1e6;
                if (e == null) {
                    hops[index] = r.hops();
                    if (r.responsible().id().equals(expected)) correct.incrementAndGet();
                }
                window.release();
            });
        }
        CompletableFuture.allOf(all).orTimeout(2, TimeUnit.MINUTES).exceptionally(e -> null).join();
    }

    private static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
