package org.interlay.router.bench;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.interlay.router.AgentPolicies;
import org.interlay.router.bridge.Bridge;
import org.interlay.router.testing.OverlayLab;
import org.interlay.router.testing.OverlayLab.LabDomain;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.Sipp;

/**
 * Router failover under a stream of MESSAGEs: two routers, each a process of its own, agree through
 * their group (TCP on 127.0.0.1) who bridges pastry.lab and kad.lab; SIPp sends MESSAGEs from
 * carol@pastry.lab through the pastry.lab agent to a SIPp server registered as bob@kad.lab; part way
 * through, the active router is killed (SIGKILL). Reports how long until answers flowed again
 * through the standby, the longest any MESSAGE waited, and how many were lost.
 * Arguments: [rate per second] [seconds of stream] [second at which the active router is killed].
 */
public final class FailoverBenchmark {
    private FailoverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int killAt = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        if (!Sipp.installed()) throw new IllegalStateException("sipp is not installed (Debian package sip-tester)");
        try (OverlayLab lab = OverlayLab.start(List.of(new LabDomain("pastry.lab", "pastry"), new LabDomain("kad.lab", "kademlia")),
                3, AgentPolicies.STANDARD)) {
            List<String> entries = List.of(entry(lab, "pastry.lab"), entry(lab, "kad.lab"));
            int p1 = freeTcpPort();
            int p2 = freeTcpPort();
            String members = "127.0.0.1[" + p1 + "],127.0.0.1[" + p2 + "]";
            try (RouterChild r1 = RouterChild.start("r1", p1, members, entries)) {
                r1.awaitReady(60);
                try (RouterChild r2 = RouterChild.start("r2", p2, members, entries)) {
                    r2.awaitReady(60);
                    RouterChild active = awaitSettled(lab, r1, r2);
                    run(lab, active, rate, seconds, killAt);
                }
            }
        }
    }

    private static void run(OverlayLab lab, RouterChild active, int rate, int seconds, int killAt) throws Exception {
        int serverPort = Sipp.freePort();
        register(lab.agent("kad.lab").sipAddress(), serverPort);
        InetSocketAddress agent = lab.agent("pastry.lab").sipAddress();
        Path dir = Files.createTempDirectory("failover");
        Duration limit = Duration.ofSeconds(seconds + 40L);
        Path stats = dir.resolve("client-stats.csv");
        try (Sipp.Run server = Sipp.start("message-server.xml", serverPort, limit, List.of(), dir);
             Sipp.Run client = Sipp.start("message-client.xml", Sipp.freePort(), limit, List.of(
                     "127.0.0.1:" + agent.getPort(), "-key", "user", "carol", "-key", "domain", "pastry.lab", "-key", "to",
                     "bob@kad.lab", "-r", Integer.toString(rate), "-m", Integer.toString(rate * seconds),
                     "-trace_stat", "-stf", stats.toString(), "-fd", "1", "-trace_rtt", "-rtt_freq", "1"), dir)) {
            long start = System.nanoTime();
            TimeUnit.SECONDS.sleep(killAt); // the stream runs undisturbed until the kill
            long killed = System.nanoTime();
            active.kill();
            long switched = awaitBridgeAway(lab, active.id(), Duration.ofSeconds(30)) - killed;
            client.await();
            server.stop();
            SippStats s = SippStats.read(stats);
            RttSamples rtt = RttSamples.read(dir);
            double killMs = (killed - start) / 1e6;
            double resumed = Double.MAX_VALUE;
            for (double at : rtt.answeredAtMillis()) {
                if (at > killMs) resumed = Math.min(resumed, at);
            }
            System.out.printf("stream: %d MESSAGE/s for %d s through the pastry.lab agent; active router %s killed at %.1f s%n",
                    rate, seconds, active.id(), killMs / 1000);
            System.out.printf("bridge records name the standby %d ms after the kill%n", switched / 1_000_000);
            System.out.printf("first answer after the kill: %.0f ms after it (SIPp clock, started a few ms after ours)%n",
                    resumed - killMs);
            System.out.printf("sent %d, answered %d, lost %d, retransmissions %d, longest wait %.0f ms, p99 %.0f ms%n",
                    s.outgoing(), s.successful(), s.failed(), s.retransmissions(), rtt.max(), rtt.quantile(0.99));
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Waits until one router bridges the pair, the other stands by, and both overlays name the active one. */
    private static RouterChild awaitSettled(OverlayLab lab, RouterChild r1, RouterChild r2) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (r1.hasSpoken() && r2.hasSpoken() && r1.saysItBridges() != r2.saysItBridges()) {
                RouterChild active = r1.saysItBridges() ? r1 : r2;
                if (names(lab.bridge("pastry.lab", "kad.lab"), active.id()) && names(lab.bridge("kad.lab", "pastry.lab"), active.id())) {
                    return active;
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("the routers did not settle who bridges pastry.lab and kad.lab");
    }

    /** Polls the bridge records until neither names {@code deadId}; returns when (System.nanoTime). */
    private static long awaitBridgeAway(OverlayLab lab, String deadId, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Bridge> a = lab.bridge("pastry.lab", "kad.lab");
            Optional<Bridge> b = lab.bridge("kad.lab", "pastry.lab");
            if (a.isPresent() && b.isPresent() && !a.get().routerId().equals(deadId) && !b.get().routerId().equals(deadId)) {
                return System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return System.nanoTime();
    }

    private static boolean names(Optional<Bridge> bridge, String id) {
        return bridge.map(b -> b.routerId().equals(id)).orElse(false);
    }

    private static String entry(OverlayLab lab, String domain) {
        var e = lab.directory().find(domain).orElseThrow();
        return e.domain() + "," + e.overlayName() + "," + e.algorithm() + "," + e.bootstrapPeers().get(0);
    }

    private static int freeTcpPort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void register(InetSocketAddress agent, int serverPort) {
        try (RawSipPeer peer = RawSipPeer.open()) {
            peer.send(peer.request("REGISTER", "sip:kad.lab", "sip:bob@kad.lab", "sip:bob@kad.lab", "failover-reg", 1,
                    "Contact: <sip:bob@127.0.0.1:" + serverPort + ">\r\nExpires: 3600\r\n", ""), agent);
            int status = peer.receiveResponse(Duration.ofSeconds(5)).status();
            if (status != 200) throw new IllegalStateException("registering bob@kad.lab: " + status);
        }
    }
}
