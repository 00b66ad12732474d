package org.interlay.harness.sim;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.interlay.overlay.Key;
import org.interlay.overlay.Record;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.router.membership.InstalledAlgorithms;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.overlay.sim.PlaneLatency;
import org.interlay.overlay.sim.SimCluster;
import org.interlay.overlay.sim.SimDefaults;

/**
 * Runs a {@link SimulationSpec} on the simulated network and measures it: build until stable, store
 * and crash, churn, lookups graded against the global view. Progress goes to {@code progress}.
 */
public final class SimulationRunner {
    /** Virtual time a lookup, put or get may take before it counts as failed. */
    private static final long OPERATION_LIMIT = 120_000;
    private static final long RECORD_TTL = 24 * 3_600_000L;

    private final PrintStream progress;

    public SimulationRunner(PrintStream progress) {
        this.progress = progress;
    }

    public SimulationReport run(SimulationSpec spec) {
        OverlayAlgorithm algorithm = InstalledAlgorithms.named(spec.algorithm());
        NodeConfig config = NodeConfig.defaults(algorithm.name() + ".sim").withRpc(SimDefaults.RPC)
                .withLookupMode(spec.lookupMode());
        SimCluster cluster = new SimCluster(algorithm, config, PlaneLatency.wideArea(spec.seed()), spec.seed(), spec.secure());
        HeapProbe.resetPeaks();
        long wallStart = System.nanoTime();

        long spacing = spec.joinSpacingMillis() > 0 ? spec.joinSpacingMillis() : 10;
        progress.printf("%s: %d nodes joining%s, one every %d ms of virtual time%n", algorithm.name(), spec.nodes(),
                spec.secure() ? " a secure overlay (enrolled, signed and MACed frames)" : "", spacing);
        int failedJoins = cluster.grow(spec.nodes(), spacing, 30 * 60_000);
        if (failedJoins > 0) progress.printf("%s: %d joins failed%n", algorithm.name(), failedJoins);
        long checkEvery = Math.max(1_000, spec.nodes() / 10);
        boolean stable = cluster.stabilize(checkEvery, 60 * 60_000);
        double buildSeconds = seconds(wallStart);
        progress.printf("%s: %s after %.1f s wall, %.0f s virtual%n", algorithm.name(),
                stable ? "stable" : cluster.disagreeing() + " nodes still disagree with the global view",
                buildSeconds, cluster.scheduler().nowMillis() / 1000.0);

        List<Record> stored = List.of();
        int departures = 0;
        long[] lookupTraffic = {0, 0}; // datagrams and bytes delivered while the lookups ran (maintenance included)
        LookupProbe probe = new LookupProbe(cluster);
        if (spec.crashFraction() > 0 || spec.churnMeanSessionMillis() > 0) {
            int count = spec.records() > 0 ? spec.records() : 1000;
            stored = storeRecords(cluster, count, spec.seed());
            progress.printf("%s: %d records stored%n", algorithm.name(), stored.size());
        }
        if (spec.crashFraction() > 0) {
            int crashed = cluster.crashFraction(spec.crashFraction()).size();
            progress.printf("%s: crashed %d nodes at once; repairing%n", algorithm.name(), crashed);
            cluster.stabilize(checkEvery, 10 * 60_000);
            cluster.scheduler().runFor(2 * config.maintenanceMillis());
        }
        if (spec.churnMeanSessionMillis() > 0) {
            departures = runChurn(cluster, spec, probe);
        } else {
            long datagrams = cluster.network().delivered(), bytes = cluster.network().deliveredBytes();
            runLookups(cluster, spec.lookups(), probe);
            lookupTraffic = new long[] {cluster.network().delivered() - datagrams, cluster.network().deliveredBytes() - bytes};
        }
        int lost = stored.isEmpty() ? 0 : countLost(cluster, stored);
        double wall = seconds(wallStart);
        return new SimulationReport(algorithm.name(), spec.nodes(), probe.issued, spec.seed(),
                spec.lookupMode().name().toLowerCase(), probe.success(), probe.hops.mean(), probe.hops.percentile(50),
                probe.hops.percentile(99), probe.hops.max(), probe.rounds.mean(), probe.messages.mean(),
                probe.latency.mean(), probe.latency.percentile(99), stable, buildSeconds, wall,
                HeapProbe.peakHeapBytes() / 1048576.0, spec.crashFraction(), stored.size(), lost,
                spec.churnMeanSessionMillis() / 60_000.0, probe.consistency(), departures,
                spec.reuseIds(), cluster.scheduler().eventsRun(), spec.secure(),
                probe.issued == 0 ? 0 : (double) lookupTraffic[0] / probe.issued,
                probe.issued == 0 ? 0 : (double) lookupTraffic[1] / probe.issued);
    }

    private void runLookups(SimCluster cluster, int lookups, LookupProbe probe) {
        List<CompletableFuture<Key>> pending = new ArrayList<>();
        for (int i = 0; i < lookups; i++) {
            pending.add(probe.lookupOnce(Key.random(cluster.random())));
            cluster.scheduler().runFor(1);
        }
        cluster.await(CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)), OPERATION_LIMIT);
    }

    /**
     * Churn for a warm-up of one mean session, then lookups in same-key pairs spread over another mean
     * session (at least a minute), churn going on throughout.
     */
    private int runChurn(SimCluster cluster, SimulationSpec spec, LookupProbe probe) {
        Churn churn = new Churn(cluster, spec.churnMeanSessionMillis(), spec.seed() ^ 0xC4, spec.reuseIds());
        churn.start();
        long session = spec.churnMeanSessionMillis();
        progress.printf("%s: churn with mean session %.1f min%s; warming up%n", cluster.algorithm().name(),
                session / 60_000.0, spec.reuseIds() ? ", replacements reusing the departed's ids" : "");
        cluster.scheduler().runFor(session);
        long window = Math.max(60_000, session);
        int pairs = Math.max(1, spec.lookups() / 2);
        long gap = Math.max(1, window / pairs);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            pending.add(probe.lookupPair(Key.random(cluster.random())));
            cluster.scheduler().runFor(gap);
        }
        cluster.await(CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)), OPERATION_LIMIT);
        churn.stop();
        cluster.scheduler().runFor(2 * 10_000);
        return churn.departures;
    }

    private List<Record> storeRecords(SimCluster cluster, int count, long seed) {
        List<Record> records = new ArrayList<>();
        List<CompletableFuture<Boolean>> puts = new ArrayList<>();
        long now = cluster.scheduler().nowMillis();
        for (int i = 0; i < count; i++) {
            String aor = "user" + i + "-" + seed + "@sim.lab";
            Record r = Record.of("sip-binding", aor, ("sip:" + aor.replace("@", "@127.0.0.1;u=")).getBytes(),
                    aor, now, RECORD_TTL);
            records.add(r);
            // in a secure overlay the records are signed, as the domain's agent signs the bindings it writes
            org.interlay.overlay.Overlay writer = cluster.authority()
                    .<org.interlay.overlay.Overlay>map(a -> a.writingAsAgentOf("sim.lab", cluster.randomLive()))
                    .orElseGet(cluster::randomLive);
            puts.add(writer.put(r).handle((v, e) -> e == null));
            cluster.scheduler().runFor(1);
        }
        cluster.await(CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)), OPERATION_LIMIT);
        List<Record> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) if (puts.get(i).join()) stored.add(records.get(i));
        return stored;
    }

    /** Gets every stored record from a random live node (one retry for a lookup that failed in transit). */
    private int countLost(SimCluster cluster, List<Record> stored) {
        List<CompletableFuture<Boolean>> gets = new ArrayList<>();
        for (Record r : stored) {
            gets.add(found(cluster.randomLive(), r).thenCompose(ok -> ok
                    ? CompletableFuture.completedFuture(true) : found(cluster.randomLive(), r)));
            cluster.scheduler().runFor(1);
        }
        cluster.await(CompletableFuture.allOf(gets.toArray(CompletableFuture[]::new)), 2 * OPERATION_LIMIT);
        int lost = 0;
        for (int i = 0; i < stored.size(); i++) {
            if (!gets.get(i).join()) lost++;
        }
        return lost;
    }

    private static CompletableFuture<Boolean> found(OverlayNode from, Record r) {
        return from.get(r.key()).handle((Optional<Record> got, Throwable e) ->
                e == null && got.isPresent() && java.util.Arrays.equals(got.get().value(), r.value()));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
