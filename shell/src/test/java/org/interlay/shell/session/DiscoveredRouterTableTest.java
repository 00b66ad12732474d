package org.interlay.shell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.interlay.discovery.Algorithm;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.NodeRole;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.Source;
import org.interlay.router.bridge.BridgeAssignment;
import org.interlay.router.bridge.DomainPair;
import org.interlay.shell.Tables;
import org.junit.jupiter.api.Test;

/** Outside a lab, {@code routers} shows who bridges what from the routers' adverts, as the lab's table does. */
class DiscoveredRouterTableTest {

    private static OverlayAdvert router(String overlay, String router, int sipPort) {
        return OverlayAdvert.of(overlay, Algorithm.named(overlay.equals("kad") ? "kademlia" : overlay), overlay + ".lab",
                List.of(new HostPort("127.0.0.1", 4000 + sipPort)), List.of(new HostPort("127.0.0.1", sipPort)),
                NodeRole.ROUTER, router);
    }

    private static OverlayAdvert peer(String overlay) {
        return OverlayAdvert.of(overlay, Algorithm.named(overlay), overlay + ".lab", List.of(new HostPort("127.0.0.1", 4000)),
                List.of(new HostPort("127.0.0.1", 5060)), NodeRole.PEER, "n4000");
    }

    @Test
    void eachRouterIsListedWithItsSipAddressWhatItServesAndThePairsItBridges() {
        OverlayDirectory directory = new OverlayDirectory();
        List<OverlayAdvert> adverts = List.of(peer("chord"), router("chord", "r1", 5070), router("pastry", "r1", 5070),
                router("chord", "r2", 5071), router("pastry", "r2", 5071), router("kad", "r2", 5071));
        adverts.forEach(a -> directory.found(a, Source.JGROUPS));

        var plan = BridgeAssignment.assign(adverts);
        String chordPastry = plan.routerFor(new DomainPair("chord.lab", "pastry.lab")).orElseThrow();
        String r1Bridges = chordPastry.equals("r1") ? "[chord.lab<->pastry.lab]" : "(standby)";
        String r2Bridges = plan.pairsBridgedBy("r2").toString();

        String table = Tables.format(DiscoveredRouterTable.rows(directory.adverts()));
        assertEquals(Tables.format(List.of(new String[] {"ROUTER", "SIP", "SERVES", "BRIDGES"},
                new String[] {"r1", "127.0.0.1:5070", "chord.lab,pastry.lab", r1Bridges},
                new String[] {"r2", "127.0.0.1:5071", "chord.lab,kad.lab,pastry.lab", r2Bridges})), table);
        System.out.println(table);
    }

    @Test
    void noRoutersGiveOnlyTheHeading() {
        assertEquals(1, DiscoveredRouterTable.rows(List.of(peer("chord"))).size());
    }
}
