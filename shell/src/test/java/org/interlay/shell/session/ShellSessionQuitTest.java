package org.interlay.shell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interlay.discovery.Algorithm;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.NodeRole;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.Source;
import org.interlay.harness.peer.OverlayPeer;
import org.interlay.harness.peer.PeerSpec;
import org.interlay.router.PeerAgent;
import org.interlay.router.SipAgentConfig;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.location.LocationService;
import org.interlay.time.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Quitting the shell takes its users' registrations away, all at once and within a short bound, even
 * when their registrar is gone.
 * One overlay peer with its SIP agent on loopback, found through a directory filled by hand.
 */
@Tag("slow")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShellSessionQuitTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final EventLoop loop = new EventLoop("quit-test-peer");
    private final OverlayDirectory directory = new OverlayDirectory();
    private OverlayPeer peer;
    private PeerAgent agent;
    private ShellSession session;

    @BeforeEach
    void start() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        peer = OverlayPeer.start(new PeerSpec("chord", Algorithm.named("chord"), "chord.lab", loopback, 0, List.of(), 0, "p1"),
                loop, null, Duration.ZERO, Duration.ofSeconds(10));
        agent = PeerAgent.start(peer.node(), SipAgentConfig.defaults("chord.lab", 0));
        InetSocketAddress sip = agent.sipAddress();
        directory.found(OverlayAdvert.of("chord", Algorithm.named("chord"), "chord.lab",
                List.of(new HostPort(peer.node().self().address().host(), peer.node().self().address().port())),
                List.of(new HostPort(sip.getAddress().getHostAddress(), sip.getPort())), NodeRole.PEER, "p1"), Source.STATIC);
        session = new ShellSession(directory, null, new OverlayMembers(null, directory, LOOPBACK), LOOPBACK);
    }

    @AfterEach
    void stop() {
        session.close();
        agent.close();
        peer.close();
        loop.close();
    }

    private int liveContacts(String aor) throws Exception {
        return new LocationService(peer.node(), InstantSource.system(), Duration.ZERO, Duration.ZERO)
                .find(AddressOfRecord.parse(aor)).get(5, TimeUnit.SECONDS)
                .map(b -> b.live(Instant.now()).size()).orElse(0);
    }

    @Test
    void quittingUnregistersEveryUser() throws Exception {
        session.actAs("gus@chord.lab");
        session.actAs("hal@chord.lab");
        assertEquals(1, liveContacts("sip:gus@chord.lab"));
        long started = System.nanoTime();
        session.unregisterAll();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(0, liveContacts("sip:gus@chord.lab"), "no contact left behind");
        assertEquals(0, liveContacts("sip:hal@chord.lab"));
        assertTrue(tookMillis < ShellSession.UNREGISTER_BOUND.toMillis() + 500, "quit took " + tookMillis + " ms");
    }

    @Test
    void quittingDoesNotWaitLongForARegistrarThatIsGone() throws Exception {
        session.actAs("gus@chord.lab");
        agent.close();
        long started = System.nanoTime();
        session.unregisterAll();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < ShellSession.UNREGISTER_BOUND.toMillis() + 500, "quit took " + tookMillis + " ms");
    }
}
