package org.interlay.kademlia;

import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.overlay.testsuite.OverlayContractTest;

/** Kademlia does what every overlay must. */
class KademliaContractTest extends OverlayContractTest {
    @Override
    protected OverlayAlgorithm algorithm() {
        return OverlayAlgorithm.named("kademlia");
    }
}
