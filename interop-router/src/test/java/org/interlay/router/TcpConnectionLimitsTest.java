package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interlay.router.sip.SipEndpointConfig;
import org.interlay.router.sip.TcpConnectionLimits;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.router.testing.SipText;
import org.interlay.router.testing.TcpSipConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that open TCP connections and say nothing: 200 of them neither keep a valid REGISTER over
 * TCP from being answered nor hold their connections for ever (the cap closes the silent ones first,
 * the idle timeout closes the rest).
 */
@Tag("slow")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TcpConnectionLimitsTest {
    private static final int SILENT_CLIENTS = 200;
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final InMemoryOverlay overlay = new InMemoryOverlay("chord.lab");
    private final List<TcpSipConnection> silent = new ArrayList<>();
    private PeerAgent agent;

    @AfterEach
    void stop() {
        silent.forEach(TcpSipConnection::close);
        if (agent != null) agent.close();
        overlay.halt();
    }

    private InetSocketAddress startAgent(TcpConnectionLimits limits) throws Exception {
        SipAgentConfig config = SipAgentConfig.defaults("chord.lab", 0);
        SipEndpointConfig endpoint = config.endpoint().withTcp(limits);
        agent = PeerAgent.start(overlay, config.withEndpoint(endpoint));
        return agent.sipAddress();
    }

    private void openSilentClients(InetSocketAddress to) {
        for (int i = 0; i < SILENT_CLIENTS; i++) silent.add(TcpSipConnection.connect(to));
    }

    private static SipText registerOverTcp(InetSocketAddress agentAddress, TcpSipConnection c) {
        String aor = "sip:alice@chord.lab";
        c.send(c.request("REGISTER", "sip:chord.lab", aor, aor, "reg-" + c.localPort(), 1,
                "Contact: <sip:alice@127.0.0.1:" + c.localPort() + ";transport=tcp>\r\n", ""));
        return c.receive(WAIT);
    }

    @Test
    void silentClientsAtTheCapAreClosedSilentLongestFirstAndARegisterIsAnswered() throws Exception {
        int cap = 100;
        InetSocketAddress address = startAgent(TcpConnectionLimits.DEFAULT.withMaxInbound(cap));
        openSilentClients(address);
        try (TcpSipConnection alice = TcpSipConnection.connect(address)) {
            assertEquals(200, registerOverTcp(address, alice).status());
        }
        long closedForRoom = SILENT_CLIENTS + 1 - cap;
        assertEquals(closedForRoom, agent.tcpEvictions(), "one connection closed for each accepted over the cap");
        for (int i = 0; i < closedForRoom; i++) {
            assertTrue(silent.get(i).closedByPeerWithin(WAIT), "the " + i + "th silent client, among the oldest, was closed");
        }
    }

    @Test
    void silentClientsDoNotStopARegisterAndAreClosedAfterTheIdleTimeout() throws Exception {
        Duration idle = Duration.ofSeconds(1);
        InetSocketAddress address = startAgent(TcpConnectionLimits.DEFAULT.withIdleTimeout(idle));
        openSilentClients(address);
        try (TcpSipConnection alice = TcpSipConnection.connect(address)) {
            assertEquals(200, registerOverTcp(address, alice).status());
            assertTrue(alice.closedByPeerWithin(Duration.ofSeconds(10)), "the registering client's connection closes when idle");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int closed = 0;
        for (TcpSipConnection c : silent) {
            Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
            if (c.closedByPeerWithin(left)) closed++;
        }
        assertEquals(SILENT_CLIENTS, closed, "every silent connection was closed by the agent");
        assertEquals(0, agent.tcpEvictions(), "under the cap, only the idle timeout closed them");
    }
}
