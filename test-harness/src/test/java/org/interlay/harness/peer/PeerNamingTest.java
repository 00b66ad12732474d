package org.interlay.harness.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.interlay.discovery.Algorithm;
import org.interlay.time.EventLoop;
import org.junit.jupiter.api.Test;

/** A node given no name is named after the overlay port it bound, as {@code node --help} says. */
class PeerNamingTest {

    private static PeerSpec spec(int port, String nodeId) {
        return new PeerSpec("chord", Algorithm.named("chord"), "chord.lab", InetAddress.getLoopbackAddress(), port,
                List.of(), -1, nodeId);
    }

    @Test
    void anUnnamedNodeIsNamedAfterItsPortAndAGivenNameIsKept() {
        assertEquals("n4000", spec(4000, null).namedFor(4000).nodeId());
        PeerSpec named = spec(4000, "alice");
        assertSame(named, named.namedFor(4000));
    }

    @Test
    void anUnnamedPeerOnAFreePortIsNamedAfterThePortItBound() throws Exception {
        try (EventLoop loop = new EventLoop("naming-test")) {
            OverlayPeer peer = OverlayPeer.start(spec(0, null), loop, null, Duration.ZERO, Duration.ofSeconds(10));
            try {
                assertEquals("n" + peer.node().self().address().port(), peer.spec().nodeId());
            } finally {
                peer.kill();
            }
        }
    }
}
