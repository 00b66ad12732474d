package org.interlay.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interlay.discovery.Algorithm;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.OverlayEntry;
import org.interlay.discovery.Source;
import org.junit.jupiter.api.Test;

/** {@code overlays --json} carries what the table shows: peers, routers, sources, last seen. */
class OverlaysJsonTest {
    @Test
    void eachOverlayHasItsPeersRoutersSourcesAndLastSeen() {
        OverlayEntry entry = new OverlayEntry("chord", Algorithm.named("chord"), "chord.lab", List.of(new HostPort("127.0.0.1", 4000)),
                List.of(new HostPort("127.0.0.1", 5060)), List.of("r1"), List.of("p1", "p2", "r1"),
                Set.of(Source.MDNS, Source.JGROUPS), Instant.parse("2026-01-02T03:04:05Z"));
        Map<String, Object> m = OverlaysCommand.toMap(entry);
        assertEquals(2, m.get("peers"));
        assertEquals(List.of("p1", "p2", "r1"), m.get("nodes"));
        assertEquals(List.of("r1"), m.get("routers"));
        assertEquals(List.of("jgroups", "mdns"), m.get("sources"));
        assertEquals("2026-01-02T03:04:05Z", m.get("last_seen"));
        assertEquals(List.of("name", "algo", "domain", "peers", "nodes", "routers", "sources", "last_seen", "boot", "sip"),
                List.copyOf(m.keySet()));
    }
}
