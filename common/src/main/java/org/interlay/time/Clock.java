package org.interlay.time;

/** The time as overlay code sees it: real on sockets, virtual in simulation. */
@FunctionalInterface
public interface Clock {
    /** Milliseconds since an arbitrary origin; never goes backwards. */
    long nowMillis();
}
