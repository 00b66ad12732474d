package org.interlay.discovery.bench;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.interlay.discovery.netns.ChildProcess;
import org.interlay.discovery.netns.DiscoveryNodes;
import org.interlay.discovery.netns.NodeLines;
import org.interlay.discovery.netns.VirtualLan;

/**
 * Discovery latency, measured with real processes on a private LAN of network namespaces (needs root).
 * A long-running observer node watches its directory; for each run a new advertiser process starts,
 * advertises a fresh overlay, and then either leaves cleanly or is killed. Times are taken from the
 * nodes' own monotonic clocks (one machine, so they agree):
 * <ul>
 * <li>start to directory: the advertiser calls start() -> the overlay, with its TXT, is in the observer's directory
 *     (whichever source is first);</li>
 * <li>start to mDNS: the same, until the mDNS sighting arrives;</li>
 * <li>start() call: how long start() itself takes; JVM launch: from spawning the process to start();</li>
 * <li>clean leave: close() called -> removed from the observer's directory; kill: SIGKILL sent -> removed.</li>
 * </ul>
 * Modes: one host (both nodes on a namespace's loopback) and across namespaces (two hosts on a bridge).
 * Usage: {@code DiscoveryLatencyBench [runs per leave kind, default 20]}.
 */
public final class DiscoveryLatencyBench {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private DiscoveryLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        VirtualLan.unavailableReason().ifPresent(why -> {
            System.err.println("cannot run: " + why);
            System.exit(2);
        });
        System.out.println("Discovery latency, " + runs + " clean leaves and " + runs + " kills per mode");
        measure("one host (loopback in a namespace)", 1, runs);
        measure("across namespaces (two hosts, bridge)", 2, runs);
        System.out.println("goal: start to directory median <= 1.0 s, p95 <= 1.3 s; clean leave <= 1 s; kill <= 5 s");
    }

    private static void measure(String mode, int hosts, int runs) throws Exception {
        Samples toDirectory = new Samples("start -> in other directory (first source)");
        Samples firstByGroup = new Samples("  of which the group was first (count)");
        Samples toMdns = new Samples("start -> resolved by mDNS (with TXT)");
        Samples startCall = new Samples("start() call");
        Samples jvmLaunch = new Samples("process spawn -> start() (JVM boot)");
        Samples cleanLeave = new Samples("close() -> removed from other directory");
        Samples kill = new Samples("SIGKILL -> removed from other directory");
        try (VirtualLan lan = VirtualLan.create(hosts)) {
            int advertiserHost = hosts;
            try (ChildProcess observer = DiscoveryNodes.start(lan, 1, "bench-observer-" + hosts, null)) {
                observer.awaitLine(line -> line.startsWith("STARTED "), WAIT, "observer started");
                for (int run = 1; run <= 2 * runs; run++) {
                    boolean killIt = run % 2 == 0;
                    String overlay = "bench-" + hosts + "-" + run;
                    String advert = DiscoveryNodes.advert(overlay, "kademlia", "n" + run, lan.address(advertiserHost));
                    long spawned = System.nanoTime();
                    try (ChildProcess advertiser = DiscoveryNodes.start(lan, advertiserHost, "bench-advertiser", advert)) {
                        long starting = NodeLines.time(advertiser.awaitLine(l -> l.startsWith("STARTING "), WAIT, "STARTING"));
                        long started = NodeLines.time(advertiser.awaitLine(l -> l.startsWith("STARTED "), WAIT, "STARTED"));
                        String added = observer.awaitLine(NodeLines.added(overlay), WAIT, overlay + " added");
                        long mdns = NodeLines.time(observer.awaitLine(NodeLines.entryWithSources(overlay, Set.of("MDNS")), WAIT,
                                overlay + " from mDNS"));
                        jvmLaunch.add(starting - spawned);
                        startCall.add(started - starting);
                        toDirectory.add(NodeLines.time(added) - starting);
                        if (NodeLines.field(added, "sources").equals("JGROUPS")) {
                            firstByGroup.add(0);
                        }
                        toMdns.add(mdns - starting);
                        long leaving;
                        if (killIt) {
                            leaving = System.nanoTime();
                            advertiser.kill();
                        } else {
                            int from = advertiser.lineCount();
                            advertiser.send("close");
                            leaving = NodeLines.time(advertiser.awaitLineAfter(from, l -> l.startsWith("CLOSING "), WAIT, "CLOSING"));
                        }
                        long removed = NodeLines.time(observer.awaitLine(NodeLines.removed(overlay), WAIT, overlay + " removed"));
                        (killIt ? kill : cleanLeave).add(removed - leaving);
                    }
                    System.out.print(run % 10 == 0 ? run + "\n" : ".");
                    System.out.flush();
                }
            }
        }
        System.out.println(mode);
        System.out.println(Samples.header());
        for (Samples samples : List.of(toDirectory, toMdns, startCall, jvmLaunch, cleanLeave, kill)) {
            System.out.println(samples.row());
        }
        System.out.println("  the group was the first source in " + firstByGroup.count() + " of " + toDirectory.count() + " runs");
    }
}
