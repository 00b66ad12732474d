package org.interlay.router;

import java.time.InstantSource;
import org.interlay.overlay.Overlay;
import org.interlay.router.location.LocationService;
import org.interlay.router.presence.PresenceStore;

/** One domain served here: its overlay membership and the services stored in it. */
record ServedDomain(String name, Overlay overlay, LocationService location, PresenceStore presence) {
    static ServedDomain of(String name, Overlay overlay, AgentPolicies policies, InstantSource clock) {
        return new ServedDomain(name.toLowerCase(java.util.Locale.ROOT), overlay,
                new LocationService(overlay, clock, policies.bindingMemory(), policies.cacheTtl()),
                new PresenceStore(overlay, clock));
    }
}
