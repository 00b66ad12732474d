package org.interlay.discovery.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.interlay.discovery.mdns.JmDnsDiscoverer;
import org.interlay.discovery.netns.AvahiBrowser;
import org.interlay.discovery.netns.ChildProcess;
import org.interlay.discovery.netns.DiscoveryNodeMain;
import org.interlay.discovery.netns.DiscoveryNodes;
import org.interlay.discovery.netns.NodeLines;
import org.interlay.discovery.netns.VirtualLan;

/**
 * How soon a standard mDNS browser on another host lists a new node's advert, and how soon it drops it
 * (needs root, avahi-daemon, avahi-utils, dbus). Two hosts on a bridge: host 1 runs avahi-daemon and
 * {@code avahi-browse -r -p -k _p2psip._udp}; for each run a new {@link DiscoveryNodeMain} process on
 * host 2 (mDNS only) advertises a fresh overlay, right after discovery starts or N ms later (as a node
 * does once it has joined), and is then stopped with SIGTERM. Times come from the monotonic clock,
 * shared by the processes of one machine:
 * <ul>
 * <li>advertise -> listed / resolved: the advertise() call to avahi-browse's {@code +} line and to its
 *     {@code =} line (host, address, port and TXT resolved);</li>
 * <li>start -> resolved: from the discovery start() call, JmDNS.create included;</li>
 * <li>SIGTERM -> removed: the signal sent to avahi's {@code -} line (the goodbye);</li>
 * <li>with {@code --kill}, once more at the end: SIGKILL -> removed (no goodbye: avahi's cache lets the
 *     records' TTL run out), waited for up to 200 s.</li>
 * </ul>
 * Usage: {@code AvahiBrowseBench [--runs N (10)] [--advertise-after-ms N (0)] [--kill] [--jmdns-pacing]};
 * {@code --jmdns-pacing} runs the nodes with JmDNS's own probing and announcing pace, for comparison.
 */
public final class AvahiBrowseBench {

    private static final String SERVICE_TYPE = "_p2psip._udp";
    private static final Duration APPEAR_LIMIT = Duration.ofSeconds(30);
    private static final Duration GOODBYE_LIMIT = Duration.ofSeconds(30);
    private static final Duration TTL_LIMIT = Duration.ofSeconds(200);

    private AvahiBrowseBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 10;
        long advertiseAfterMs = 0;
        boolean kill = false;
        boolean jmdnsPacing = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--advertise-after-ms" -> advertiseAfterMs = Long.parseLong(args[++i]);
                case "--kill" -> kill = true;
                case "--jmdns-pacing" -> jmdnsPacing = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        AvahiBrowser.unavailableReason().ifPresent(why -> {
            System.err.println("cannot run: " + why);
            System.exit(2);
        });
        System.out.printf("avahi-browse on host 1, a new node on host 2: %d starts, advert %s, %s pacing%n", runs,
                advertiseAfterMs == 0 ? "at start" : advertiseAfterMs + " ms after start", jmdnsPacing ? "JmDNS's" : "RFC 6762");
        Samples listed = new Samples("advertise -> listed by avahi (+)");
        Samples resolved = new Samples("advertise -> resolved by avahi (=, TXT)");
        Samples fromStart = new Samples("discovery start -> resolved by avahi");
        Samples goodbye = new Samples("SIGTERM -> removed by avahi (-)");
        Samples ttl = new Samples("SIGKILL -> removed by avahi (-)");
        try (VirtualLan lan = VirtualLan.create(2); AvahiBrowser avahi = AvahiBrowser.start(lan, 1, SERVICE_TYPE)) {
            for (int run = 1; run <= runs + (kill ? 1 : 0); run++) {
                boolean killRun = run > runs;
                String overlay = "avahi-" + run;
                String node = "n" + run;
                String instance = overlay + " [" + node + "]";
                List<String> args2 = new ArrayList<>(List.of("--no-group"));
                if (advertiseAfterMs > 0) {
                    args2.addAll(List.of("--advertise-after-ms", Long.toString(advertiseAfterMs)));
                }
                int from = avahi.eventCount();
                try (ChildProcess child = start(lan, "avahi-bench-" + run, DiscoveryNodes.advert(overlay, "chord", node,
                        lan.address(2)), args2, jmdnsPacing)) {
                    long starting = NodeLines.time(child.awaitLine(l -> l.startsWith("STARTING "), APPEAR_LIMIT, "STARTING"));
                    long advertising = NodeLines.time(child.awaitLine(l -> l.startsWith("ADVERTISING "), APPEAR_LIMIT, "ADVERTISING"));
                    long plus = avahi.awaitEvent(from, AvahiBrowser.event('+', instance), APPEAR_LIMIT, instance + " listed").nanos();
                    long equals = avahi.awaitEvent(from, AvahiBrowser.event('=', instance), APPEAR_LIMIT, instance + " resolved").nanos();
                    listed.add(plus - advertising);
                    resolved.add(equals - advertising);
                    fromStart.add(equals - starting);
                    long stopping = System.nanoTime();
                    if (killRun) {
                        child.kill();
                    } else {
                        child.terminate();
                    }
                    try {
                        long minus = avahi.awaitEvent(from, AvahiBrowser.event('-', instance), killRun ? TTL_LIMIT : GOODBYE_LIMIT,
                                instance + " removed").nanos();
                        (killRun ? ttl : goodbye).add(minus - stopping);
                    } catch (AssertionError notRemoved) {
                        System.out.printf("%n%s still listed %d s after %s%n", instance,
                                (killRun ? TTL_LIMIT : GOODBYE_LIMIT).toSeconds(), killRun ? "SIGKILL" : "SIGTERM");
                    }
                }
                System.out.print(run % 10 == 0 ? run + "\n" : ".");
                System.out.flush();
            }
        }
        System.out.println();
        System.out.println(Samples.header());
        for (Samples samples : List.of(listed, resolved, fromStart, goodbye, ttl)) {
            if (samples.count() > 0) {
                System.out.println(samples.row());
            }
        }
    }

    private static ChildProcess start(VirtualLan lan, String label, String advert, List<String> extraArgs, boolean jmdnsPacing)
            throws java.io.IOException {
        List<String> args = new ArrayList<>(List.of("--bind", lan.address(2), "--host", label, "--advertise", advert));
        args.addAll(extraArgs);
        List<String> jvm = jmdnsPacing ? List.of("-D" + JmDnsDiscoverer.JMDNS_PACING_PROPERTY + "=true") : List.of();
        return ChildProcess.start(lan.inHost(2), label, DiscoveryNodeMain.class, args, jvm);
    }
}
