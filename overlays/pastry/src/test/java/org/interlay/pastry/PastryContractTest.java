package org.interlay.pastry;

import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.overlay.testsuite.OverlayContractTest;

/** Pastry does what every overlay must. */
class PastryContractTest extends OverlayContractTest {
    @Override
    protected OverlayAlgorithm algorithm() {
        return OverlayAlgorithm.named("pastry");
    }
}
