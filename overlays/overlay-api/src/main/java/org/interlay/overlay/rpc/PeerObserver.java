package org.interlay.overlay.rpc;

import org.interlay.overlay.Address;
import org.interlay.overlay.NodeRef;

/** Told of every peer heard from, and of every peer that stopped answering. */
public interface PeerObserver {
    void heard(NodeRef peer);

    void unresponsive(Address peer);
}
