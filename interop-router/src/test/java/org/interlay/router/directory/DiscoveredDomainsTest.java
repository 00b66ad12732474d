package org.interlay.router.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sip.message.Request;
import org.interlay.discovery.Algorithm;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.NodeRole;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.Source;
import org.interlay.overlay.Address;
import org.interlay.router.proxy.Routing;
import org.interlay.router.testing.RecordingExchange;
import org.junit.jupiter.api.Test;

/** Discovery's directory, read as the router reads it; and the router's answers for domains it does not serve. */
class DiscoveredDomainsTest {
    private final OverlayDirectory discovery = new OverlayDirectory();
    private final DiscoveredDomains domains = new DiscoveredDomains(discovery);

    @Test
    void domainIsFoundWithItsOverlayAlgorithmAndEntryPoints() {
        discovery.found(OverlayAdvert.of("kad", Algorithm.named("kademlia"), "kad.lab", List.of(new HostPort("127.0.0.1", 4100)),
                List.of(new HostPort("127.0.0.1", 5160)), NodeRole.PEER, "n1"), Source.MDNS);
        DomainEntry kad = domains.find("KAD.lab").orElseThrow();
        assertEquals("kad", kad.overlayName());
        assertEquals(Algorithm.named("kademlia"), kad.algorithm());
        assertEquals(List.of(Address.parse("127.0.0.1:4100")), kad.bootstrapPeers());
        assertEquals(List.of(Address.parse("127.0.0.1:5160")), kad.sipEntryPoints());
        assertTrue(domains.find("chord.lab").isEmpty());
    }

    @Test
    void routerRefusesUnknownDomainsWith404AndUnjoinedOnesWith503() throws Exception {
        discovery.found(OverlayAdvert.of("chord", Algorithm.named("chord"), "chord.lab", List.of(new HostPort("127.0.0.1", 4000)),
                List.of(), NodeRole.PEER, "n2"), Source.JGROUPS);
        DirectoryFinder finder = new DirectoryFinder(domains, d -> d.equals("kad.lab"));
        assertEquals(503, refusal(finder, "sip:x@chord.lab").status());
        assertEquals(404, refusal(finder, "sip:x@nowhere.lab").status());
        assertTrue(!finder.claims(message("sip:x@kad.lab")), "a domain served here is not the directory's to answer");
    }

    private static Routing.Refuse refusal(DirectoryFinder finder, String uri) throws Exception {
        Request r = message(uri);
        assertTrue(finder.claims(r));
        CompletableFuture<Routing> routing = finder.find(r, Set.of());
        return (Routing.Refuse) routing.get();
    }

    private static Request message(String uri) {
        return RecordingExchange.of("MESSAGE " + uri + " SIP/2.0", "Via: SIP/2.0/UDP 127.0.0.1:5090;branch=z9hG4bK-d",
                "Max-Forwards: 70", "From: <sip:a@pastry.lab>;tag=a", "To: <" + uri + ">", "Call-ID: d1", "CSeq: 1 MESSAGE",
                "Content-Length: 0", "").request();
    }
}
