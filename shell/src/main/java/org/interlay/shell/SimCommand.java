package org.interlay.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.interlay.discovery.Algorithm;
import org.interlay.harness.sim.SimulationReport;
import org.interlay.harness.sim.SimulationRunner;
import org.interlay.harness.sim.SimulationSpec;
import org.interlay.overlay.node.NodeConfig.LookupMode;
import org.interlay.router.membership.InstalledAlgorithms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interlay sim}: an overlay of N simulated nodes in virtual time, measured. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Simulate an overlay in virtual time: build N nodes, stabilize, run lookups checked "
                + "against the global view, optionally crash nodes or churn; print what was measured.",
                "With --secure every node is enrolled in an authority held in memory (at the id the seed draws, so "
                + "it routes as the open run) and every frame is authenticated (signed, or MACed between nodes that hold "
                + "each other's certificates) and checked; --compare runs open, then secure.",
                "Example: interlay sim --algo chord --nodes 1000 --lookups 5000 --seed 1 --json"})
public final class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--algo", defaultValue = "chord", paramLabel = "ALGO", completionCandidates = AlgorithmNames.class,
            description = "One of the installed algorithms (${COMPLETION-CANDIDATES}), or all (one result each). "
                    + "Default: ${DEFAULT-VALUE}.")
    String algorithm;

    @Option(names = "--nodes", defaultValue = "1000", paramLabel = "N", description = "Nodes. Default: ${DEFAULT-VALUE}.")
    int nodes;

    @Option(names = "--lookups", defaultValue = "1000", paramLabel = "L",
            description = "Lookups of random keys from random nodes. Default: ${DEFAULT-VALUE}.")
    int lookups;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed: the same seed gives the same run. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--crash", defaultValue = "0", paramLabel = "FRACTION",
            description = "Store records, crash this fraction of nodes at once, repair, count lost records.")
    double crash;

    @Option(names = "--records", defaultValue = "1000", paramLabel = "R",
            description = "Records stored before --crash or --churn. Default: ${DEFAULT-VALUE}.")
    int records;

    @Option(names = "--churn", paramLabel = "MEAN_SESSION", converter = DurationConverter.class,
            description = "Nodes fail and are replaced continually, with exponential sessions of this mean "
                    + "(virtual time, e.g. 10m, 90s); lookups run during churn.")
    Long churn;

    @Option(names = "--reuse-ids", description = "With --churn: each replacement takes the id and address of the "
            + "node it replaces, with an empty store, as a peer restarted on the same host and port.")
    boolean reuseIds;

    @Option(names = "--mode", defaultValue = "iterative", paramLabel = "MODE",
            description = "iterative or recursive lookups (recursive: Chord and Pastry). Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--join-spacing", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Virtual time between two nodes starting to join. Default: 10ms.")
    Long joinSpacing;

    @Option(names = "--secure", description = "A secure overlay: enrolled nodes, every frame authenticated (signed, or MACed between known peers) and checked.")
    boolean secure;

    @Option(names = "--compare", description = "The open overlay, then the secure one (same seed): cost side by side.")
    boolean compare;

    @Option(names = "--json", description = "Print one JSON object per algorithm on one line.")
    boolean json;

    @Option(names = "--quiet", description = "No progress lines on standard error.")
    boolean quiet;

    @Override
    public Integer call() {
        LookupMode lookupMode = switch (mode.toLowerCase()) {
            case "iterative" -> LookupMode.ITERATIVE;
            case "recursive" -> LookupMode.RECURSIVE;
            default -> throw new IllegalArgumentException("--mode must be iterative or recursive, not '" + mode + "'");
        };
        List<String> algorithms = algorithm.equalsIgnoreCase("all")
                ? InstalledAlgorithms.names().stream().map(Algorithm::name).toList()
                : List.of(InstalledAlgorithms.requireInstalled(algorithm).name());
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
        PrintStream progress = quiet ? new PrintStream(java.io.OutputStream.nullOutputStream()) : System.err;
        if (secure && compare) throw new IllegalArgumentException("--compare runs both open and secure: give it alone");
        List<Boolean> modes = compare ? List.of(false, true) : List.of(secure);
        for (String algo : algorithms) {
            for (boolean sec : modes) {
                SimulationSpec s = new SimulationSpec(algo, nodes, lookups, seed, crash, records,
                        churn == null ? 0 : churn, lookupMode, joinSpacing == null ? 0 : joinSpacing, reuseIds, sec);
                SimulationReport report = new SimulationRunner(progress).run(s);
                out.print(json ? report.toJson() + System.lineSeparator() : report.toText());
            }
        }
        return 0;
    }
}
