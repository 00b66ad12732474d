package org.interlay.router.bridge;

import java.util.List;

/**
 * What a router tells the other routers about itself: its id, where it takes SIP requests and the
 * overlays it is a member of (so it can bridge any pair of them).
 */
public record RouterPresence(String routerId, String sipUri, List<Membership> memberships) {
    public RouterPresence {
        if (routerId == null || !routerId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a router id is 1-64 letters, digits, '_' or '-': " + routerId);
        }
        if (sipUri == null || !sipUri.startsWith("sip:")) throw new IllegalArgumentException("bad router URI: " + sipUri);
        memberships = List.copyOf(memberships);
    }
}
