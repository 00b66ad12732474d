package org.interlay.pastry;

import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.overlay.testsuite.SecureOverlayContractTest;

/** Pastry in a secure overlay: enrolled nodes only, every frame authenticated (signed, or MACed between nodes that know each other) and checked. */
class PastrySecureOverlayTest extends SecureOverlayContractTest {
    @Override
    protected OverlayAlgorithm algorithm() {
        return OverlayAlgorithm.named("pastry");
    }
}
