package org.interlay.shell;

import java.util.List;
import java.util.concurrent.Callable;
import org.interlay.discovery.Algorithm;
import org.interlay.harness.bench.LookupBenchmark;
import org.interlay.router.membership.InstalledAlgorithms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code interlay bench}: benchmarks that print figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on this machine's loopback; they print figures.",
        subcommands = {BenchCommand.Lookup.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "lookup", mixinStandardHelpOptions = true,
            description = {"Lookup latency on real UDP: N nodes on 127.0.0.1 in one process and one event loop.",
                    "With --secure every node is enrolled in an authority held in memory and every frame is "
                            + "authenticated and checked (signed with ECDSA P-256; MACed between nodes that hold each other's "
                            + "certificates); --compare runs the open overlay and then the secure one, "
                            + "same seed, side by side.",
                    "Example: interlay bench lookup --algo kademlia --nodes 300 --compare"})
    static final class Lookup implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--algo", defaultValue = "chord", completionCandidates = AlgorithmNames.class,
                description = "One of the installed algorithms (${COMPLETION-CANDIDATES}), or all. Default: ${DEFAULT-VALUE}.")
        String algorithm;

        @Option(names = "--nodes", defaultValue = "300", description = "Nodes. Default: ${DEFAULT-VALUE}.")
        int nodes;

        @Option(names = "--lookups", defaultValue = "5000", description = "Lookups. Default: ${DEFAULT-VALUE}.")
        int lookups;

        @Option(names = "--warmup", defaultValue = "0", paramLabel = "N",
                description = "Lookups run untimed before the timed ones, so that the nodes have met the peers they ask "
                        + "(the timed lookups are the same). Default: ${DEFAULT-VALUE}.")
        int warmup;

        @Option(names = "--concurrency", defaultValue = "4", description = "Lookups in flight at once. Default: ${DEFAULT-VALUE}.")
        int concurrency;

        @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--secure", description = "A secure overlay: enrolled nodes, every frame authenticated (signed, or MACed between known peers) and checked.")
        boolean secure;

        @Option(names = "--compare", description = "The open overlay, then the secure one (same seed): cost side by side.")
        boolean compare;

        @Option(names = "--stabilize", defaultValue = "1s", converter = DurationConverter.class, paramLabel = "DURATION",
                description = "Period of each node's own maintenance (stabilize, leaf-set repair, refresh); all nodes share "
                        + "one thread, so a longer period leaves more of it to the lookups. Default: 1s.")
        long stabilizeMillis;

        @Override
        public Integer call() throws InterruptedException {
            List<String> algorithms = algorithm.equalsIgnoreCase("all")
                    ? InstalledAlgorithms.names().stream().map(Algorithm::name).toList()
                    : List.of(InstalledAlgorithms.requireInstalled(algorithm).name());
            if (secure && compare) throw new IllegalArgumentException("--compare runs both open and secure: give it alone");
            List<Boolean> modes = compare ? List.of(false, true) : List.of(secure);
            for (String a : algorithms) {
                for (boolean s : modes) {
                    LookupBenchmark.Result r = new LookupBenchmark(System.err)
                            .run(new LookupBenchmark.Spec(a, nodes, lookups, concurrency, seed, s, stabilizeMillis, warmup));
                    spec.commandLine().getOut().print(r.toText());
                    spec.commandLine().getOut().flush();
                }
            }
            return 0;
        }
    }
}
