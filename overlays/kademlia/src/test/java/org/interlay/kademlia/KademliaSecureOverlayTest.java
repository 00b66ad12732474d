package org.interlay.kademlia;

import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.overlay.testsuite.SecureOverlayContractTest;

/** Kademlia in a secure overlay: enrolled nodes only, every frame authenticated (signed, or MACed between nodes that know each other) and checked. */
class KademliaSecureOverlayTest extends SecureOverlayContractTest {
    @Override
    protected OverlayAlgorithm algorithm() {
        return OverlayAlgorithm.named("kademlia");
    }
}
