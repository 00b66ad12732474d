package org.interlay.harness.lab;

import org.interlay.discovery.jgroups.JGroupsDiscoverer;
import org.interlay.time.EventLoop;
import org.interlay.router.Router;

/** One router of the lab, with the group membership it coordinates through and the loop of its overlay nodes. */
public record LabRouter(String id, Router router, JGroupsDiscoverer group, EventLoop loop) {
    /** Stops at once, as a killed process would: no goodbye to the group beyond the closed socket. */
    void kill() {
        router.halt();
        group.close();
        loop.close();
    }
}
