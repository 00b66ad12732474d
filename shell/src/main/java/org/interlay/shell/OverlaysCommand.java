package org.interlay.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.LanDiscovery;
import org.interlay.discovery.LanDiscoveryConfig;
import org.interlay.discovery.OverlayEntry;
import org.interlay.discovery.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code interlay overlays}: what discovery finds on the network. */
@Command(name = "overlays", mixinStandardHelpOptions = true,
        description = {"List the overlays discovered on the network (mDNS/DNS-SD and the JGroups group).",
                "Example: interlay overlays --wait 2 --json"})
public final class OverlaysCommand implements Callable<Integer> {
    @Option(names = "--wait", defaultValue = "2", paramLabel = "SECONDS",
            description = "How long to listen before printing. Default: ${DEFAULT-VALUE}.")
    double waitSeconds;

    @Option(names = "--json", description = "One JSON array, what the table shows and more: name, algo, domain, peers, "
            + "nodes, routers, sources, last_seen (ISO-8601), boot, sip.")
    boolean json;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Override
    public Integer call() throws Exception {
        if (waitSeconds < 0) throw new IllegalArgumentException("--wait must not be negative");
        List<OverlayEntry> found;
        InetAddress bindAddress = InetAddress.getByName(bind);
        LoopbackNotice.printIfLoopback(bindAddress, System.err);
        try (LanDiscovery discovery = new LanDiscovery(LanDiscoveryConfig.on(bindAddress,
                "interlay-observer-" + ProcessHandle.current().pid()))) {
            discovery.start();
            TimeUnit.MILLISECONDS.sleep((long) (waitSeconds * 1000));
            found = discovery.directory().overlays();
        }
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (OverlayEntry e : found) rows.add(toMap(e));
            System.out.println(new ObjectMapper().writeValueAsString(rows));
        } else if (found.isEmpty()) {
            System.out.println(nothingFound(bindAddress, waitSeconds));
        } else {
            System.out.print(OverlayTable.render(found));
        }
        return 0;
    }

    /** What an empty result says: where it looked and for how long. */
    static String nothingFound(InetAddress bind, double waitSeconds) {
        return "no overlays found on " + bind.getHostAddress() + " within " + LoopbackNotice.seconds(waitSeconds) + " s";
    }

    static Map<String, Object> toMap(OverlayEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("algo", e.algorithm().name());
        m.put("domain", e.sipDomain());
        m.put("peers", OverlayTable.peers(e));
        m.put("nodes", e.nodes());
        m.put("routers", e.routers());
        m.put("sources", e.sources().stream().map(Source::name).map(String::toLowerCase).sorted().toList());
        m.put("last_seen", e.lastSeen().toString());
        m.put("boot", e.bootstrapPeers().stream().map(HostPort::toString).toList());
        m.put("sip", e.sipEntryPoints().stream().map(HostPort::toString).toList());
        return m;
    }
}
