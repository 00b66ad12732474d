package org.interlay.overlay.rpc;

import org.interlay.overlay.Address;
import org.interlay.overlay.NodeRef;

/** Told of every peer heard from, of every peer that stopped answering, and of every peer that restarted. */
public interface PeerObserver {
    void heard(NodeRef peer);

    /**
     * A known id speaks with a new incarnation: the peer restarted, and holds nothing of what it held
     * before. Told before {@link #heard} of the same frame.
     */
    default void restarted(NodeRef peer) { }

    void unresponsive(Address peer);
}
