package org.interlay.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.interlay.discovery.OverlayEntry;
import org.interlay.discovery.Source;

/** The overlays as a text table: name, algorithm, domain, peers, routers, sources, last seen. */
public final class OverlayTable {
    private OverlayTable() {}

    public static String render(List<OverlayEntry> entries) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "ALGO", "DOMAIN", "PEERS", "ROUTERS", "SOURCES", "LAST SEEN"});
        Instant now = Instant.now();
        for (OverlayEntry e : entries) {
            rows.add(new String[] {e.name(), e.algorithm().name(), e.sipDomain(),
                    String.valueOf(peers(e)), String.valueOf(e.routers().size()),
                    String.join(",", e.sources().stream().map(Source::name).map(String::toLowerCase).sorted().toList()),
                    ago(Duration.between(e.lastSeen(), now))});
        }
        return Tables.format(rows);
    }

    /** How many of the overlay's nodes are peers (the rest are routers). */
    static int peers(OverlayEntry e) {
        return (int) e.nodes().stream().filter(id -> !e.routers().contains(id)).count();
    }

    private static String ago(Duration d) {
        long ms = Math.max(0, d.toMillis());
        return ms < 1000 ? "just now" : (ms / 1000) + "s ago";
    }
}
