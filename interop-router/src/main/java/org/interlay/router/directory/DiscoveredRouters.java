package org.interlay.router.directory;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.OverlayEntry;
import org.interlay.router.bridge.RouterRoster;

/**
 * The live routers as discovery sees them: a router advertises itself in every overlay it is a
 * member of, and its adverts go when it leaves the group or stops answering. When discovery knows
 * both overlays and no router advertises itself in both, no router bridges them; a router that no
 * longer advertises itself in an overlay discovery knows is gone from it.
 */
public final class DiscoveredRouters implements RouterRoster {
    private final OverlayDirectory directory;

    public DiscoveredRouters(OverlayDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean mayBridge(String overlayName, String domain) {
        return routersInBoth(overlayName, domain).map(both -> !both.isEmpty()).orElse(true); // not known: do not refuse on a guess
    }

    @Override
    public boolean hasStandby(String overlayName, String domain, String routerId) {
        return routersInBoth(overlayName, domain).map(both -> both.stream().anyMatch(r -> !r.equals(routerId))).orElse(false);
    }

    @Override
    public boolean hasRouterInBoth(String overlayName, String domain) {
        return routersInBoth(overlayName, domain).map(both -> !both.isEmpty()).orElse(false);
    }

    /** The routers advertised in both overlays; empty when discovery does not know both. */
    private Optional<Set<String>> routersInBoth(String overlayName, String domain) {
        Optional<OverlayEntry> home = directory.overlay(overlayName);
        Optional<OverlayEntry> target = directory.overlayServing(domain);
        if (home.isEmpty() || target.isEmpty()) return Optional.empty();
        Set<String> both = new HashSet<>(home.get().routers());
        both.retainAll(target.get().routers());
        return Optional.of(both);
    }

    @Override
    public boolean isLive(String overlayName, String routerId) {
        return directory.overlay(overlayName).map(home -> home.routers().contains(routerId)).orElse(true);
    }
}
