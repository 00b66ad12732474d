package org.interlay.router.torture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.interlay.discovery.Algorithm;
import org.interlay.router.PeerAgent;
import org.interlay.router.Router;
import org.interlay.router.RouterConfig;
import org.interlay.router.SipAgentConfig;
import org.interlay.router.bridge.SoleBridgeCoordinator;
import org.interlay.router.directory.DomainEntry;
import org.interlay.router.directory.StaticDomainDirectory;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.SipText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The transaction and application rules of the front door that the torture messages do not cover
 * alone: a branch reused by another client, CANCEL with nothing to cancel, OPTIONS addressed to the
 * element itself (agent and router), and a top Via naming a transport other than UDP.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FrontDoorTest {
    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final Duration SILENCE = Duration.ofMillis(500);

    private final InMemoryOverlay overlay = new InMemoryOverlay("chord");
    private PeerAgent agent;
    private RawSipPeer alice;
    private RawSipPeer carol;

    @BeforeEach
    void start() throws Exception {
        agent = PeerAgent.start(overlay, SipAgentConfig.defaults("chord.lab", 0));
        alice = RawSipPeer.open();
        carol = RawSipPeer.open();
    }

    @AfterEach
    void stop() {
        agent.close();
        alice.close();
        carol.close();
        overlay.halt();
    }

    private static String withBranch(String request, String branch) {
        return request.replaceFirst(";branch=[^\\r]*", ";branch=" + branch);
    }

    @Test
    void aBranchReusedByAnotherClientIsItsOwnTransactionAndAnswered() {
        String branch = "z9hG4bK-reused-by-two";
        alice.send(withBranch(alice.request("OPTIONS", "sip:nobody@chord.lab", "sip:alice@chord.lab", "sip:nobody@chord.lab",
                "reuse-a", 1, "", ""), branch), agent.sipAddress());
        assertEquals(404, alice.receiveResponse(WAIT).status());
        carol.send(withBranch(carol.request("OPTIONS", "sip:nobody@chord.lab", "sip:carol@chord.lab", "sip:nobody@chord.lab",
                "reuse-c", 1, "", ""), branch), agent.sipAddress());
        assertEquals(404, carol.receiveResponse(WAIT).status(), "same branch, another sent-by: a transaction of its own");
        alice.send(withBranch(alice.request("MESSAGE", "sip:nobody@chord.lab", "sip:alice@chord.lab", "sip:nobody@chord.lab",
                "reuse-m", 1, "", "hi"), branch), agent.sipAddress());
        assertEquals(404, alice.receiveResponse(WAIT).status(), "same branch and sent-by, another method: its own too");
    }

    @Test
    void cancelWithNothingToCancelGets481() {
        alice.send(alice.request("CANCEL", "sip:bob@chord.lab", "sip:alice@chord.lab", "sip:bob@chord.lab", "cancel-1", 1,
                "", ""), agent.sipAddress());
        assertEquals(481, alice.receiveResponse(WAIT).status());
    }

    @Test
    void optionsToTheAgentItselfGets200ListingEveryServedMethod() {
        String self = "sip:127.0.0.1:" + agent.sipAddress().getPort();
        alice.send(alice.request("OPTIONS", self, "sip:alice@chord.lab", self, "ping-1", 1, "", ""), agent.sipAddress());
        SipText ok = alice.receiveResponse(WAIT);
        assertEquals(200, ok.status());
        String allow = String.join(",", ok.headers("Allow"));
        for (String method : List.of("REGISTER", "MESSAGE", "SUBSCRIBE", "NOTIFY", "PUBLISH", "OPTIONS", "INFO", "ACK", "CANCEL")) {
            assertTrue(allow.contains(method), method + " in Allow: " + allow);
        }
    }

    @Test
    void theRouterAnswersOptionsAddressedToItselfWith200() throws Exception {
        InMemoryOverlay kad = new InMemoryOverlay("kad");
        StaticDomainDirectory directory = new StaticDomainDirectory(List.of(
                new DomainEntry("chord.lab", "chord", Algorithm.named("chord"), List.of(), List.of()),
                new DomainEntry("kad.lab", "kad", Algorithm.named("kademlia"), List.of(), List.of())));
        Router router = Router.start(RouterConfig.defaults("r1", 0, List.of("chord.lab", "kad.lab")), directory,
                e -> CompletableFuture.completedFuture(e.domain().equals("kad.lab") ? kad : overlay), new SoleBridgeCoordinator());
        try {
            String self = "sip:127.0.0.1:" + router.sipAddress().getPort();
            alice.send(alice.request("OPTIONS", self, "sip:alice@chord.lab", self, "ping-r", 1, "", ""), router.sipAddress());
            assertEquals(200, alice.receiveResponse(WAIT).status());
        } finally {
            router.halt();
            kad.halt();
        }
    }

    @Test
    void aTopViaNamingTlsIsDroppedAndCounted() {
        long before = agent.malformedInput();
        alice.send(alice.request("OPTIONS", "sip:nobody@chord.lab", "sip:alice@chord.lab", "sip:nobody@chord.lab", "tls-1", 1,
                "", "").replace("SIP/2.0/UDP", "SIP/2.0/TLS"), agent.sipAddress());
        assertTrue(alice.poll(SILENCE).isEmpty(), "no answer can go back over TLS");
        assertEquals(before + 1, agent.malformedInput());
        alice.send(alice.request("OPTIONS", "sip:nobody@chord.lab", "sip:alice@chord.lab", "sip:nobody@chord.lab", "tls-2", 1,
                "", ""), agent.sipAddress());
        assertEquals(404, alice.receiveResponse(WAIT).status(), "the agent goes on");
    }

    @Test
    void aTopViaNamingTcpIsAnsweredOrItsFailedSendSurvived() throws Exception {
        try (ServerSocket tcp = new ServerSocket()) {
            tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), alice.port()));
            tcp.setSoTimeout((int) WAIT.toMillis());
            alice.send(alice.request("OPTIONS", "sip:nobody@chord.lab", "sip:alice@chord.lab", "sip:nobody@chord.lab", "tcp-1", 1,
                    "", "").replace("SIP/2.0/UDP", "SIP/2.0/TCP"), agent.sipAddress());
            Optional<String> overTcp = readOne(tcp);
            Optional<SipText> overUdp = alice.poll(Duration.ofMillis(1));
            System.out.println("top Via TCP: answered over " + (overTcp.isPresent() ? "TCP: " + overTcp.get().lines().findFirst().orElse("")
                    : overUdp.map(a -> "UDP: " + a).orElse("nothing")));
        }
        alice.send(alice.request("OPTIONS", "sip:nobody@chord.lab", "sip:alice@chord.lab", "sip:nobody@chord.lab", "tcp-2", 1,
                "", ""), agent.sipAddress());
        assertEquals(404, alice.receiveResponse(WAIT).status(), "the agent goes on");
    }

    private static Optional<String> readOne(ServerSocket tcp) throws IOException {
        try (Socket s = tcp.accept()) {
            s.setSoTimeout((int) WAIT.toMillis());
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[8192];
            int n = in.read(buffer);
            return n <= 0 ? Optional.empty() : Optional.of(new String(buffer, 0, n, StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
    }
}
