package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interlay.router.bridge.SoleBridgeCoordinator;
import org.interlay.router.testing.OverlayLab.LabDomain;
import org.interlay.router.testing.OverlayLab;
import org.interlay.router.testing.Sipp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real SIP clients: SIPp registers carol@pastry.lab with the agent of a Pastry peer, a SIPp server is
 * registered as bob@kad.lab with the agent of a Kademlia peer, and a MESSAGE from carol to bob crosses
 * the router, reaches the SIPp server with its body as sent (the server's scenario checks it), and the
 * 200 OK comes back to carol (her scenario waits for it). The same with carol on TCP ({@code -t t1})
 * and bob on UDP. Skipped only when SIPp is not installed.
 */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SippInteropTest {
    private static final Duration SIPP_TIMEOUT = Duration.ofSeconds(10);
    private static OverlayLab lab;

    @BeforeAll
    static void startLab() throws Exception {
        if (!Sipp.installed()) {
            System.out.println("SippInteropTest skipped: sipp is not installed (Debian package sip-tester)");
        }
        assumeTrue(Sipp.installed(), "sipp is not installed (Debian package sip-tester)");
        lab = OverlayLab.start(List.of(new LabDomain("pastry.lab", "pastry"), new LabDomain("kad.lab", "kademlia")), 4,
                AgentPolicies.STANDARD);
        lab.startRouter("r1", new SoleBridgeCoordinator());
        lab.awaitBridge("pastry.lab", "kad.lab", "r1", Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) lab.close();
    }

    private static List<String> target(InetSocketAddress agent, String... keys) {
        List<String> args = new java.util.ArrayList<>(List.of(agent.getAddress().getHostAddress() + ":" + agent.getPort(),
                "-m", "1"));
        for (int i = 0; i < keys.length; i += 2) args.addAll(List.of("-key", keys[i], keys[i + 1]));
        return args;
    }

    private static void run(String scenario, int port, List<String> args) throws InterruptedException {
        try (Sipp.Run run = Sipp.start(scenario, port, SIPP_TIMEOUT, args)) {
            assertEquals(0, run.await(), run::report);
        }
    }

    @Test
    void sippMessageFromPastryReachesSippServerInKademliaAndTheOkComesBack() throws Exception {
        InetSocketAddress pastryAgent = lab.agent("pastry.lab").sipAddress();
        InetSocketAddress kadAgent = lab.agent("kad.lab").sipAddress();
        int carolPort = Sipp.freePort();
        int bobPort = Sipp.freePort();
        run("register.xml", carolPort, target(pastryAgent, "user", "carol", "domain", "pastry.lab",
                "contact_port", Integer.toString(carolPort)));
        run("register.xml", Sipp.freePort(), target(kadAgent, "user", "bob", "domain", "kad.lab",
                "contact_port", Integer.toString(bobPort)));
        try (Sipp.Run bob = Sipp.start("message-server.xml", bobPort, SIPP_TIMEOUT, List.of("-m", "1"))) {
            run("message-client.xml", carolPort, target(pastryAgent, "user", "carol", "domain", "pastry.lab",
                    "to", "bob@kad.lab"));
            assertEquals(0, bob.await(), bob::report);
        }
    }

    @Test
    void sippOverTcpRegistersAndItsMessageReachesASippServerOnUdp() throws Exception {
        InetSocketAddress pastryAgent = lab.agent("pastry.lab").sipAddress();
        InetSocketAddress kadAgent = lab.agent("kad.lab").sipAddress();
        int carolPort = Sipp.freePort();
        int bobPort = Sipp.freePort();
        List<String> overTcp = new java.util.ArrayList<>(target(pastryAgent, "user", "dora", "domain", "pastry.lab",
                "contact_port", Integer.toString(carolPort)));
        overTcp.addAll(List.of("-t", "t1"));
        run("register.xml", carolPort, overTcp);
        run("register.xml", Sipp.freePort(), target(kadAgent, "user", "ed", "domain", "kad.lab",
                "contact_port", Integer.toString(bobPort)));
        try (Sipp.Run ed = Sipp.start("message-server.xml", bobPort, SIPP_TIMEOUT, List.of("-m", "1"))) {
            List<String> message = new java.util.ArrayList<>(target(pastryAgent, "user", "dora", "domain", "pastry.lab",
                    "to", "ed@kad.lab"));
            message.addAll(List.of("-t", "t1"));
            run("message-client.xml", Sipp.freePort(), message);
            assertEquals(0, ed.await(), ed::report);
        }
    }
}
