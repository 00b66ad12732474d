package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interlay.router.bridge.SoleBridgeCoordinator;
import org.interlay.router.testing.OverlayLab;
import org.interlay.router.testing.OverlayLab.LabDomain;
import org.interlay.router.testing.Sipp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls between SIPp phones across overlays: carol@pastry.lab calls bob@kad.lab (a SIPp server
 * registered with the Kademlia peer's agent) through the Pastry peer's agent and the router. The
 * scenarios check every step: INVITE / 100 / 180 / 200 / ACK / pause / BYE / 200, and a call cancelled
 * while it rings (the callee sees the CANCEL, the caller gets 487). Skipped only when SIPp is not
 * installed.
 */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SippCallTest {
    private static final Duration SIPP_TIMEOUT = Duration.ofSeconds(15);
    private static final int CALLS = 3;
    private static OverlayLab lab;
    private static InetSocketAddress pastryAgent;
    private static int bobPort;

    @BeforeAll
    static void startLab() throws Exception {
        assumeTrue(Sipp.installed(), "sipp is not installed (Debian package sip-tester)");
        lab = OverlayLab.start(List.of(new LabDomain("pastry.lab", "pastry"), new LabDomain("kad.lab", "kademlia")), 3,
                AgentPolicies.STANDARD);
        lab.startRouter("r1", new SoleBridgeCoordinator());
        lab.awaitBridge("pastry.lab", "kad.lab", "r1", Duration.ofSeconds(20));
        pastryAgent = lab.agent("pastry.lab").sipAddress();
        bobPort = Sipp.freePort();
        InetSocketAddress kadAgent = lab.agent("kad.lab").sipAddress();
        try (Sipp.Run register = Sipp.start("register.xml", Sipp.freePort(), SIPP_TIMEOUT, args(kadAgent, 1, "user", "bob",
                "domain", "kad.lab", "contact_port", Integer.toString(bobPort)))) {
            assertEquals(0, register.await(), register::report);
        }
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) lab.close();
    }

    private static List<String> args(InetSocketAddress to, int calls, String... keys) {
        List<String> args = new ArrayList<>(List.of(to.getAddress().getHostAddress() + ":" + to.getPort(),
                "-m", Integer.toString(calls)));
        for (int i = 0; i < keys.length; i += 2) args.addAll(List.of("-key", keys[i], keys[i + 1]));
        return args;
    }

    private static void callPair(String client, String server, List<String> clientExtra) throws InterruptedException {
        try (Sipp.Run bob = Sipp.start(server, bobPort, SIPP_TIMEOUT, List.of("-m", Integer.toString(CALLS)))) {
            List<String> clientArgs = args(pastryAgent, CALLS, "user", "carol", "domain", "pastry.lab", "to", "bob@kad.lab");
            clientArgs.addAll(clientExtra);
            try (Sipp.Run carol = Sipp.start(client, Sipp.freePort(), SIPP_TIMEOUT, clientArgs)) {
                assertEquals(0, carol.await(), () -> carol.report() + "\n" + bob.report());
            }
            assertEquals(0, bob.await(), bob::report);
        }
    }

    @Test
    void sippCallsCrossTheRouterAndHangUp() throws Exception {
        callPair("invite-client.xml", "invite-server.xml", List.of("-d", "200"));
    }

    @Test
    void sippCallerCancelsWhileRingingAndGets487() throws Exception {
        callPair("cancel-client.xml", "cancel-server.xml", List.of());
    }
}
