package org.interlay.shell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.interlay.discovery.Algorithm;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.NodeRole;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.Source;
import org.interlay.harness.peer.OverlayPeer;
import org.interlay.harness.peer.PeerSpec;
import org.interlay.overlay.Address;
import org.interlay.router.PeerAgent;
import org.interlay.router.SipAgentConfig;
import org.interlay.shell.repl.ShellEvent;
import org.interlay.time.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A user whose peer dies moves to another peer of its domain and goes on; a user unregistered by hand
 * is registered again by {@code as}. Two peers of one overlay with their SIP agents on loopback, found
 * through a directory filled by hand.
 */
@Tag("slow")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShellUserMovesTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final EventLoop loop = new EventLoop("moves-test-peers");
    private final OverlayDirectory directory = new OverlayDirectory();
    private final List<OverlayPeer> peers = new ArrayList<>();
    private final List<PeerAgent> agents = new ArrayList<>();
    private ShellSession session;

    @BeforeEach
    void start() throws Exception {
        List<Address> boot = List.of();
        for (int i = 1; i <= 2; i++) {
            OverlayPeer peer = OverlayPeer.start(new PeerSpec("chord", Algorithm.named("chord"), "chord.lab",
                    InetAddress.getLoopbackAddress(), 0, boot, 0, "p" + i), loop, null, Duration.ZERO, Duration.ofSeconds(10));
            boot = List.of(peer.node().self().address());
            PeerAgent agent = PeerAgent.start(peer.node(), SipAgentConfig.defaults("chord.lab", 0));
            peers.add(peer);
            agents.add(agent);
            directory.found(OverlayAdvert.of("chord", Algorithm.named("chord"), "chord.lab",
                    List.of(new HostPort(peer.node().self().address().host(), peer.node().self().address().port())),
                    List.of(new HostPort(agent.sipAddress().getAddress().getHostAddress(), agent.sipAddress().getPort())),
                    NodeRole.PEER, "p" + i), Source.STATIC);
        }
        session = new ShellSession(directory, null, new OverlayMembers(null, directory, LOOPBACK), LOOPBACK);
    }

    @AfterEach
    void stop() {
        session.close();
        agents.forEach(PeerAgent::close);
        peers.forEach(OverlayPeer::close);
        loop.close();
    }

    @Test
    void aUserWhosePeerDiesMovesToAnotherAndGoesOn() throws Exception {
        String acting = session.actAs("alice@chord.lab");
        int first = agents.get(0).sipAddress().getPort();
        int dying = acting.endsWith(":" + first) ? 0 : 1;
        int other = agents.get(1 - dying).sipAddress().getPort();
        agents.remove(dying).close();
        peers.remove(dying).kill();
        long sentAt = System.nanoTime();
        assertTrue(session.send("alice@chord.lab", "right after").startsWith("delivered"), "sent again once moved");
        long tookMillis = (System.nanoTime() - sentAt) / 1_000_000;
        assertTrue(tookMillis < 6_000, "took " + tookMillis + " ms, not the 10 s of waiting for a dead peer");

        Optional<ShellEvent.UserMoved> moved = Optional.empty();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (moved.isEmpty() && System.nanoTime() < deadline) {
            session.events().awaitMore(session.events().size(), 200);
            moved = session.events().last(ShellEvent.UserMoved.class, n -> true);
        }
        assertEquals("alice@chord.lab moved to 127.0.0.1:" + other + " (its peer stopped answering)",
                moved.orElseThrow(() -> new AssertionError("no move within 10 s: " + session.events().all(ShellEvent.class)))
                        .describe());
        assertTrue(session.send("alice@chord.lab", "still here").startsWith("delivered"), "registered at the other peer");
        assertTrue(session.actAs("alice@chord.lab").contains("registered already"));
    }

    @Test
    void aUserUnregisteredByHandIsRegisteredAgainByAs() throws Exception {
        session.actAs("carol@chord.lab");
        assertEquals("carol@chord.lab unregistered", session.unregister());
        String again = session.actAs("carol@chord.lab");
        assertTrue(again.startsWith("acting as carol@chord.lab, registered again with chord.lab at "), again);
        assertTrue(session.send("carol@chord.lab", "hello me").startsWith("delivered"));
    }
}
