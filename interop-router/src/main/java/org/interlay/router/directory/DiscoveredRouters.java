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
        Optional<OverlayEntry> home = directory.overlay(overlayName);
        Optional<OverlayEntry> target = directory.overlayServing(domain);
        if (home.isEmpty() || target.isEmpty()) return true; // not known: do not refuse on a guess
        Set<String> both = new HashSet<>(home.get().routers());
        both.retainAll(target.get().routers());
        return !both.isEmpty();
    }

    @Override
    public boolean hasStandby(String overlayName, String domain, String routerId) {
        Optional<OverlayEntry> home = directory.overlay(overlayName);
        Optional<OverlayEntry> target = directory.overlayServing(domain);
        if (home.isEmpty() || target.isEmpty()) return false;
        Set<String> both = new HashSet<>(home.get().routers());
        both.retainAll(target.get().routers());
        both.remove(routerId);
        return !both.isEmpty();
    }

    @Override
    public boolean isLive(String overlayName, String routerId) {
        return directory.overlay(overlayName).map(home -> home.routers().contains(routerId)).orElse(true);
    }
}
