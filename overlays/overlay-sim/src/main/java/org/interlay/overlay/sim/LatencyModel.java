package org.interlay.overlay.sim;

import org.interlay.overlay.Address;

/** One-way delay of a datagram between two simulated nodes, in virtual milliseconds. */
@FunctionalInterface
public interface LatencyModel {
    long latencyMillis(Address from, Address to);

    static LatencyModel constant(long millis) {
        return (from, to) -> millis;
    }
}
