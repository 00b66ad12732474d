package org.interlay.router.directory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.interlay.discovery.AdvertKey;
import org.interlay.discovery.Algorithm;
import org.interlay.discovery.Departure;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.NodeRole;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.Source;
import org.junit.jupiter.api.Test;

/** Which domains a peer may still reach through a router, as discovery sees the routers come and go. */
class DiscoveredRoutersTest {
    private final OverlayDirectory discovery = new OverlayDirectory();
    private final DiscoveredRouters routers = new DiscoveredRouters(discovery);

    private void advertise(String overlay, String domain, NodeRole role, String id) {
        discovery.found(OverlayAdvert.of(overlay, Algorithm.named(overlay), domain, List.of(new HostPort("127.0.0.1", 4000)),
                List.of(new HostPort("127.0.0.1", 5060)), role, id), Source.JGROUPS);
    }

    @Test
    void aDomainIsBridgedWhileARouterIsAMemberOfBothOverlays() {
        advertise("chord", "chord.lab", NodeRole.PEER, "p1");
        advertise("kad", "kad.lab", NodeRole.PEER, "p2");
        advertise("pastry", "pastry.lab", NodeRole.PEER, "p3");
        advertise("chord", "chord.lab", NodeRole.ROUTER, "r1");
        advertise("kad", "kad.lab", NodeRole.ROUTER, "r1");
        assertTrue(routers.mayBridge("chord", "kad.lab"));
        assertFalse(routers.mayBridge("chord", "pastry.lab"), "r1 is no member of pastry");

        discovery.expired(new AdvertKey("chord", "r1"), Source.JGROUPS, Departure.FAILED);
        discovery.expired(new AdvertKey("kad", "r1"), Source.JGROUPS, Departure.FAILED);
        assertFalse(routers.mayBridge("chord", "kad.lab"), "the router is gone");
    }

    @Test
    void whatDiscoveryDoesNotKnowIsNotRefused() {
        advertise("chord", "chord.lab", NodeRole.PEER, "p1");
        assertTrue(routers.mayBridge("chord", "elsewhere.lab"), "an overlay not seen (yet)");
        assertTrue(routers.mayBridge("pastry", "chord.lab"), "the peer's own overlay not seen (yet)");
    }

    @Test
    void aRouterIsLiveInAnOverlayUntilTheGroupSaysItIsGone() {
        advertise("chord", "chord.lab", NodeRole.PEER, "p1");
        advertise("chord", "chord.lab", NodeRole.ROUTER, "r1");
        assertTrue(routers.isLive("chord", "r1"));
        assertFalse(routers.isLive("chord", "r2"), "never seen in a known overlay");
        assertTrue(routers.isLive("kad", "r1"), "an overlay not seen (yet): not refused on a guess");

        discovery.expired(new AdvertKey("chord", "r1"), Source.JGROUPS, Departure.FAILED);
        assertFalse(routers.isLive("chord", "r1"));
        advertise("chord", "chord.lab", NodeRole.ROUTER, "r1"); // restarted
        assertTrue(routers.isLive("chord", "r1"));
    }

    @Test
    void aStandbyIsAnotherRouterInBothOverlays() {
        advertise("chord", "chord.lab", NodeRole.PEER, "p1");
        advertise("kad", "kad.lab", NodeRole.PEER, "p2");
        advertise("chord", "chord.lab", NodeRole.ROUTER, "r1");
        advertise("kad", "kad.lab", NodeRole.ROUTER, "r1");
        assertFalse(routers.hasStandby("chord", "kad.lab", "r1"), "r1 alone bridges the pair");
        advertise("chord", "chord.lab", NodeRole.ROUTER, "r2");
        assertFalse(routers.hasStandby("chord", "kad.lab", "r1"), "r2 is no member of kad");
        advertise("kad", "kad.lab", NodeRole.ROUTER, "r2");
        assertTrue(routers.hasStandby("chord", "kad.lab", "r1"));
        assertTrue(routers.hasStandby("chord", "kad.lab", "r2"));
        assertFalse(routers.hasStandby("chord", "elsewhere.lab", "r1"), "an overlay not seen: no standby known");
    }

    @Test
    void aRouterInBothOverlaysIsKnownOnlyWhereDiscoverySeesBoth() {
        advertise("chord", "chord.lab", NodeRole.PEER, "p1");
        advertise("kad", "kad.lab", NodeRole.PEER, "p2");
        assertFalse(routers.hasRouterInBoth("chord", "kad.lab"), "no router at all");
        advertise("chord", "chord.lab", NodeRole.ROUTER, "r1");
        assertFalse(routers.hasRouterInBoth("chord", "kad.lab"), "r1 is no member of kad");
        advertise("kad", "kad.lab", NodeRole.ROUTER, "r1");
        assertTrue(routers.hasRouterInBoth("chord", "kad.lab"));
        assertFalse(routers.hasRouterInBoth("chord", "elsewhere.lab"), "an overlay not seen: nothing known");
        discovery.expired(new AdvertKey("kad", "r1"), Source.JGROUPS, Departure.FAILED);
        assertFalse(routers.hasRouterInBoth("chord", "kad.lab"), "the group said r1 is gone");
    }
}
