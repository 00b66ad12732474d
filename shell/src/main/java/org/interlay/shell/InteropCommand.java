package org.interlay.shell;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.interlay.discovery.Algorithm;
import org.interlay.harness.interop.ConventionalSite;
import org.interlay.harness.interop.GridDomain;
import org.interlay.harness.interop.GridReport;
import org.interlay.harness.interop.InteropGrid;
import org.interlay.harness.lab.Lab;
import org.interlay.harness.lab.LabConfig;
import org.interlay.harness.lab.LabOverlay;
import org.interlay.harness.lab.LabOverlaySpec;
import org.interlay.router.membership.InstalledAlgorithms;
import org.xbill.DNS.Type;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code interlay interop}: the interop grid. Starts an overlay of every installed algorithm, a
 * router, and (as root, with named and kamailio installed) the conventional domain cs.lab with BIND
 * as the DNS server the overlays publish themselves in; then runs every operation for every ordered
 * pair of domains and prints the table. As root it first runs itself again inside new network and
 * mount namespaces (loopback only, a resolv.conf naming the namespace's named), so nothing it
 * starts is seen outside.
 */
@Command(name = "interop", mixinStandardHelpOptions = true,
        description = {"Start an overlay of every installed algorithm, a router and, when run as root with named and kamailio "
                + "installed, the conventional domain cs.lab (Kamailio, found through BIND, which the overlays update); then "
                + "run REGISTER, lookup, MESSAGE, PUBLISH, SUBSCRIBE/NOTIFY, INVITE/ACK/BYE and an offline MESSAGE for every "
                + "ordered pair of domains and print the table. Exits 1 when any cell fails. As root everything runs in a "
                + "private network namespace; otherwise on 127.0.0.1, without cs.lab.",
                "Example: interlay interop --json"})
public final class InteropCommand implements Callable<Integer> {
    /** Set in the copy of this command that runs inside the namespaces. */
    static final String INSIDE = "INTERLAY_INTEROP_NAMESPACE";
    private static final int PEERS = 4;

    @Option(names = "--json", description = "Print the grid as JSON (every cell with its operation, pair, result and detail) "
            + "instead of the table.")
    boolean json;

    @Option(names = "--loopback", description = "Run on 127.0.0.1 in this network namespace even as root (cs.lab is then left out).")
    boolean loopback;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean inside = System.getenv(INSIDE) != null;
        if (!inside && !loopback && isRoot() && onPath("unshare")) return reexecInNamespaces();
        long start = System.nanoTime();
        List<String> notes = new ArrayList<>();
        Optional<String> missing = Stream.of("named", "tsig-keygen", "kamailio").filter(t -> !onPath(t)).findFirst();
        Path dir = Files.createTempDirectory("interlay-interop");
        ConventionalSite site = null;
        try {
            if (!inside) {
                notes.add("cs.lab left out: Kamailio and BIND run only inside a private network namespace (run as root)");
            } else if (missing.isPresent()) {
                notes.add("cs.lab left out: " + missing.get() + " is not installed");
            } else {
                System.err.println("starting named (zone lab) and Kamailio (cs.lab) ...");
                site = ConventionalSite.start(dir);
            }
            LabConfig config = labConfig();
            if (site != null) config = config.withDns(site.updateTarget()).withResolver(site.resolver());
            System.err.println("starting " + config.overlays().size() + " overlays and a router on 127.0.0.1 ...");
            try (Lab lab = Lab.start(config, System.err)) {
                List<GridDomain> domains = new ArrayList<>();
                for (LabOverlay o : lab.overlays()) {
                    domains.add(GridDomain.overlay(o.domain(), lab.entryPoint(o.domain()).orElseThrow(), o.peers().get(0).node()));
                    if (site != null) awaitPublished(site, o.domain());
                }
                if (site != null) domains.add(GridDomain.kamailio(ConventionalSite.DOMAIN, site.kamailio().address()));
                System.err.println("running the grid over " + domains.size() + " domains ...");
                var cells = new InteropGrid(domains).run();
                GridReport report = new GridReport(domains.stream().map(GridDomain::domain).toList(), cells, notes,
                        (System.nanoTime() - start) / 1e9);
                System.out.print(json ? report.json() + "\n" : report.table());
                System.out.flush();
                return report.allPassedOrNotApplicable() ? 0 : 1;
            }
        } finally {
            if (site != null) site.close();
            deleteTree(dir);
        }
    }

    /**
     * One overlay per installed algorithm and one router, open (not {@link LabConfig#secured()}): Kamailio's
     * users send requests into the overlays with no P-Asserted-Identity, which a secure lab refuses.
     */
    private static LabConfig labConfig() {
        List<LabOverlaySpec> overlays = new ArrayList<>();
        for (Algorithm a : InstalledAlgorithms.names()) {
            String name = a.name().equals("kademlia") ? "kad" : a.name();
            overlays.add(new LabOverlaySpec(name, a, name + ".lab", PEERS));
        }
        return new LabConfig(overlays, 1, InetAddress.getLoopbackAddress(), null, null);
    }

    /** Waits (at most 15 s) until named answers the SRV records of {@code domain}'s entry points, which Kamailio will look up. */
    private static void awaitPublished(ConventionalSite site, String domain) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (site.dns().answers("_sip._udp." + domain, Type.SRV).isEmpty()) {
            if (System.nanoTime() > deadline) throw new IOException("the entry points of " + domain + " did not appear in DNS within 15 s");
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Runs this command again inside new network and mount namespaces, and returns its exit code. */
    private int reexecInNamespaces() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("interlay-interop-ns");
        try {
            Path resolv = dir.resolve("resolv.conf");
            Files.writeString(resolv, "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
            List<String> command = new ArrayList<>(List.of("unshare", "-m", "-n", "sh", "-c",
                    "ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo && mount --bind " + resolv
                            + " /etc/resolv.conf && exec \"$0\" \"$@\"",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.net.preferIPv4Stack=true",
                    "-cp", System.getProperty("java.class.path"), Interlay.class.getName()));
            command.addAll(spec.commandLine().getParseResult().originalArgs()); // "interop" and its options, as typed
            ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
            pb.environment().put(INSIDE, "1");
            Process p = pb.start();
            try {
                return p.waitFor();
            } finally {
                if (p.isAlive()) {
                    p.descendants().forEach(ProcessHandle::destroy);
                    p.destroy();
                }
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").start();
            return "0".equals(new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean onPath(String tool) {
        for (String d : (System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
