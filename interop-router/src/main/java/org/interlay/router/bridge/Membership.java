package org.interlay.router.bridge;

import org.interlay.overlay.Address;
import org.interlay.router.directory.DomainEntry;

/** One overlay a router is a member of: the overlay as the directory knows it, and the router's node in it. */
public record Membership(DomainEntry overlay, Address node) {
    public Membership {
        if (overlay == null || node == null) throw new IllegalArgumentException("a membership needs an overlay and a node");
    }

    public String domain() {
        return overlay.domain();
    }
}
