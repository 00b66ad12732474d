package org.interlay.shell.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.NodeRole;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.router.bridge.BridgeAssignment;
import org.interlay.router.bridge.BridgePlan;
import org.interlay.router.bridge.DomainPair;

/**
 * The routers table (router, SIP, serves, bridges) from what discovery knows, for a shell with no lab
 * of its own: each router advertises the overlays it serves, and who bridges which pair is computed
 * from those adverts the way the routers compute it ({@link BridgeAssignment}). The routers order
 * the candidates of a pair by the group's view, which discovery does not show; that order only
 * breaks ties of a 64-bit hash.
 */
final class DiscoveredRouterTable {

    private DiscoveredRouterTable() {
    }

    /** The table's rows, heading first; only the heading when no router is known. */
    static List<String[]> rows(List<OverlayAdvert> adverts) {
        Map<String, Set<String>> serves = new LinkedHashMap<>();
        Map<String, Set<String>> sip = new LinkedHashMap<>();
        List<OverlayAdvert> routerAdverts = new ArrayList<>();
        for (OverlayAdvert advert : adverts) {
            if (advert.role() != NodeRole.ROUTER) continue;
            routerAdverts.add(advert);
            serves.computeIfAbsent(advert.nodeId(), id -> new TreeSet<>()).add(advert.sipDomain());
            Set<String> at = sip.computeIfAbsent(advert.nodeId(), id -> new TreeSet<>());
            advert.sipEntryPoints().stream().map(HostPort::toString).forEach(at::add);
        }
        BridgePlan plan = BridgeAssignment.assign(routerAdverts);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ROUTER", "SIP", "SERVES", "BRIDGES"});
        for (String router : new TreeSet<>(serves.keySet())) {
            List<DomainPair> bridged = plan.pairsBridgedBy(router);
            rows.add(new String[] {router, sip.get(router).isEmpty() ? "-" : String.join(",", sip.get(router)),
                    String.join(",", serves.get(router)), bridged.isEmpty() ? "(standby)" : bridged.toString()});
        }
        return rows;
    }
}
