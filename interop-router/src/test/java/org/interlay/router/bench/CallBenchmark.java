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
import org.interlay.router.sip.SipEndpointConfig;
import org.interlay.router.testing.OverlayLab;
import org.interlay.router.testing.OverlayLab.LabDomain;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.Sipp;

/**
 * Call rate and set-up time through a router between two overlays (pastry.lab, kad.lab, real nodes on
 * UDP loopback): a SIPp caller calls bob@kad.lab at the router at rising rates (INVITE / 100 / 180 /
 * 200 / ACK / pause / BYE / 200), and each rate is also run SIPp to SIPp directly for comparison.
 * Before the steps, calls at 1,000/s through the router are not measured (the JIT's warm-up).
 * Arguments: [seconds per step] [rates, comma-separated] [pause in each call, ms] [the router stack's handling
 * threads, default {@link SipEndpointConfig#DEFAULT_THREADS}] [seconds of warm-up, default 10; 0 for none].
 */
public final class CallBenchmark {
    private static final int WARM_UP_RATE = 1_000;

    private CallBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Integer> rates = args.length > 1 ? Arrays.stream(args[1].split(",")).map(Integer::parseInt).toList()
                : List.of(250, 500, 1000, 1500, 2000, 3000);
        int pause = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : SipEndpointConfig.DEFAULT_THREADS;
        int warmUpSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        if (!Sipp.installed()) throw new IllegalStateException("sipp is not installed (Debian package sip-tester)");
        try (OverlayLab lab = OverlayLab.start(List.of(new LabDomain("pastry.lab", "pastry"), new LabDomain("kad.lab", "kademlia")),
                3, AgentPolicies.STANDARD)) {
            Router router = lab.startRouter("bench", new SoleBridgeCoordinator(), RelayMode.STATELESS, threads);
            int serverPort = Sipp.freePort();
            register(lab.agent("kad.lab").sipAddress(), serverPort);
            InetSocketAddress direct = new InetSocketAddress("127.0.0.1", serverPort);
            System.out.printf("calls through the router (%d handling threads), %d s per step, %d ms pause in each call,"
                    + " %d s warm-up, load average %.2f%n", threads, seconds, pause, warmUpSeconds, ThroughputBenchmark.loadAverage());
            // warm-up: calls at 1,000/s, so that the call path is compiled (C2) before the first step measures
            // it; 0 measures a cold router facing the first rate at once
            if (warmUpSeconds > 0) CallStep.run(router.sipAddress(), serverPort, WARM_UP_RATE, warmUpSeconds, pause);
            System.out.println(CallStep.header());
            List<CallStep> routed = new ArrayList<>();
            List<CallStep> straight = new ArrayList<>();
            for (int rate : rates) {
                CallStep d = CallStep.run(direct, serverPort, rate, seconds, pause);
                System.out.println(d.row("direct"));
                CallStep r = CallStep.run(router.sipAddress(), serverPort, rate, seconds, pause);
                System.out.println(r.row("router"));
                straight.add(d);
                routed.add(r);
            }
            int maxRouted = routed.stream().filter(CallStep::sustained).mapToInt(CallStep::rate).max().orElse(0);
            int maxDirect = straight.stream().filter(CallStep::sustained).mapToInt(CallStep::rate).max().orElse(0);
            System.out.printf("highest sustained call rate: router %d/s, direct %d/s (load average %.2f)%n", maxRouted,
                    maxDirect, ThroughputBenchmark.loadAverage());
        }
    }

    /** Registers bob@kad.lab with the kad.lab agent, contact at the SIPp callee's port. */
    private static void register(InetSocketAddress agent, int serverPort) {
        try (RawSipPeer peer = RawSipPeer.open()) {
            peer.send(peer.request("REGISTER", "sip:kad.lab", "sip:bob@kad.lab", "sip:bob@kad.lab", "bench-reg", 1,
                    "Contact: <sip:bob@127.0.0.1:" + serverPort + ">\r\nExpires: 3600\r\n", ""), agent);
            int status = peer.receiveResponse(Duration.ofSeconds(5)).status();
            if (status != 200) throw new IllegalStateException("registering bob@kad.lab: " + status);
        }
    }
}
