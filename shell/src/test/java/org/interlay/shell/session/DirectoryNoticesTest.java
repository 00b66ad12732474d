package org.interlay.shell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.interlay.discovery.Algorithm;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.NodeRole;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.Source;
import org.interlay.discovery.AdvertKey;
import org.interlay.discovery.Departure;
import org.interlay.shell.repl.EventLog;
import org.interlay.shell.repl.ShellEvent;
import org.junit.jupiter.api.Test;

/** What {@code watch} prints as discovery sees overlays, peers and routers come and go. */
class DirectoryNoticesTest {
    private final OverlayDirectory directory = new OverlayDirectory();
    private final EventLog events = new EventLog();

    private static OverlayAdvert advert(String node, NodeRole role) {
        return OverlayAdvert.of("chord", Algorithm.named("chord"), "chord.lab", List.of(new HostPort("127.0.0.1", 4000)),
                List.of(), role, node);
    }

    @Test
    void overlaysPeersAndRoutersArrivingAndLeavingAreNotices() {
        directory.addListener(new DirectoryNotices(events));
        directory.found(advert("p1", NodeRole.PEER), Source.JGROUPS);
        directory.found(advert("p2", NodeRole.PEER), Source.JGROUPS);
        directory.found(advert("r1", NodeRole.ROUTER), Source.JGROUPS);
        directory.expired(new AdvertKey("chord", "p2"), Source.JGROUPS, Departure.LEFT);
        directory.expired(new AdvertKey("chord", "r1"), Source.JGROUPS, Departure.LEFT);
        directory.expired(new AdvertKey("chord", "p1"), Source.JGROUPS, Departure.LEFT);
        assertEquals(List.of("overlay chord (chord.lab) found: 1 peer, 0 routers",
                "overlay chord (chord.lab): peer p2 arrived",
                "overlay chord (chord.lab): router r1 arrived",
                "overlay chord (chord.lab): peer p2 left",
                "overlay chord (chord.lab): router r1 left",
                "overlay chord (chord.lab) gone"),
                events.all(ShellEvent.Notice.class).stream().map(ShellEvent.Notice::text).toList());
    }
}
