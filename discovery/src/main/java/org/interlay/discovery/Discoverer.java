package org.interlay.discovery;

/** One way of finding adverts on the network (mDNS, a JGroups group, a static file). */
public interface Discoverer extends AutoCloseable {

    Source source();

    /** Starts looking; every sighting from now on goes to the listener. */
    void start(DiscoveryListener listener) throws DiscoveryException;

    /** Stops looking and withdraws whatever this discoverer published. */
    @Override
    void close();
}
