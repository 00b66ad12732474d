package org.interlay.router.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.interlay.router.AgentPolicies;
import org.interlay.router.RelayMode;
import org.interlay.router.Router;
import org.interlay.router.bridge.SoleBridgeCoordinator;
import org.interlay.router.testing.OverlayLab;
import org.interlay.router.testing.OverlayLab.LabDomain;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.Sipp;

/**
 * MESSAGE throughput and latency through a router between two overlays (pastry.lab, kad.lab, real
 * nodes on UDP loopback), driven by SIPp at rising rates, each rate also run SIPp client to SIPp
 * server directly for comparison; then p50/p99 at half the highest sustained rate, both ways.
 * Arguments: [stateless|stateful] [seconds per step] [rates, comma-separated] [rate for the latency
 * runs, instead of half the highest sustained one].
 */
public final class ThroughputBenchmark {
    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        RelayMode mode = args.length > 0 ? RelayMode.valueOf(args[0].toUpperCase()) : RelayMode.STATELESS;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Integer> rates = args.length > 2 ? Arrays.stream(args[2].split(",")).map(Integer::parseInt).toList()
                : List.of(1000, 2000, 4000, 6000, 8000, 10000, 12000);
        if (!Sipp.installed()) throw new IllegalStateException("sipp is not installed (Debian package sip-tester)");
        try (OverlayLab lab = OverlayLab.start(List.of(new LabDomain("pastry.lab", "pastry"), new LabDomain("kad.lab", "kademlia")),
                3, AgentPolicies.STANDARD)) {
            Router router = lab.startRouter("bench", new SoleBridgeCoordinator(), mode);
            int serverPort = Sipp.freePort();
            register(lab.agent("kad.lab").sipAddress(), serverPort);
            InetSocketAddress direct = new InetSocketAddress("127.0.0.1", serverPort);
            System.out.printf("router %s relay, %d s per step, load average %.2f%n", mode, seconds, loadAverage());
            LoadStep.run(router.sipAddress(), serverPort, 2000, 3); // warm-up: JIT compilation, caches
            LoadStep.run(router.sipAddress(), serverPort, 5000, 3);
            System.out.println(LoadStep.header());
            List<LoadStep> routed = new ArrayList<>();
            List<LoadStep> straight = new ArrayList<>();
            for (int rate : rates) {
                LoadStep d = LoadStep.run(direct, serverPort, rate, seconds);
                LoadStep r = LoadStep.run(router.sipAddress(), serverPort, rate, seconds);
                straight.add(d);
                routed.add(r);
                System.out.println(d.row("direct"));
                System.out.println(r.row("router"));
            }
            int maxRouted = routed.stream().filter(LoadStep::sustained).mapToInt(LoadStep::rate).max().orElse(0);
            int maxDirect = straight.stream().filter(LoadStep::sustained).mapToInt(LoadStep::rate).max().orElse(0);
            System.out.printf("highest sustained rate: router %d/s, direct %d/s (load average %.2f)%n", maxRouted, maxDirect,
                    loadAverage());
            int half = args.length > 3 ? Integer.parseInt(args[3]) : Math.max(100, maxRouted / 2);
            System.out.printf("latency at %d/s (%s), %d s:%n", half, args.length > 3 ? "as asked"
                    : "half the router's highest sustained rate", 2 * seconds);
            System.out.println(LoadStep.header());
            System.out.println(LoadStep.run(direct, serverPort, half, 2 * seconds).row("direct"));
            System.out.println(LoadStep.run(router.sipAddress(), serverPort, half, 2 * seconds).row("router"));
        }
    }

    /** Registers bob@kad.lab with the kad.lab agent, contact at the SIPp server's port. */
    private static void register(InetSocketAddress agent, int serverPort) {
        try (RawSipPeer peer = RawSipPeer.open()) {
            peer.send(peer.request("REGISTER", "sip:kad.lab", "sip:bob@kad.lab", "sip:bob@kad.lab", "bench-reg", 1,
                    "Contact: <sip:bob@127.0.0.1:" + serverPort + ">\r\nExpires: 3600\r\n", ""), agent);
            int status = peer.receiveResponse(Duration.ofSeconds(5)).status();
            if (status != 200) throw new IllegalStateException("registering bob@kad.lab: " + status);
        }
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
