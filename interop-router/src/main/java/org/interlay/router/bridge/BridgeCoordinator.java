package org.interlay.router.bridge;

import java.util.Set;
import java.util.function.Consumer;

/**
 * How routers agree which of them bridges which pair of domains. Every router serving both domains
 * of a pair could; exactly one is assigned, and when it goes another takes the pair over.
 */
public interface BridgeCoordinator extends AutoCloseable {
    /**
     * Starts taking part. {@code assigned} is told the pairs this router must bridge, now and each
     * time they change (from any thread, one call at a time).
     */
    void start(RouterPresence self, Consumer<Set<DomainPair>> assigned);

    /** This router's memberships changed (it joined or lost an overlay). */
    void update(RouterPresence self);

    @Override
    void close();
}
