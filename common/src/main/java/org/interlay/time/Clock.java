package org.interlay.time;

/** The time as overlay code sees it: real on sockets, virtual in simulation. */
@FunctionalInterface
public interface Clock {
    /** Milliseconds since an arbitrary origin; never goes backwards. */
    long nowMillis();

    /**
     * Real elapsed time, from when this is called: the one place that reads the machine's clock (an
     * {@link EventLoop} keeps time with it; {@link WallClock#system} anchors instants to it).
     */
    static Clock system() {
        long origin = System.nanoTime();
        return () -> (System.nanoTime() - origin) / 1_000_000;
    }
}
