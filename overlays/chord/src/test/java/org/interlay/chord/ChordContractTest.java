package org.interlay.chord;

import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.overlay.testsuite.OverlayContractTest;

/** Chord does what every overlay must. */
class ChordContractTest extends OverlayContractTest {
    @Override
    protected OverlayAlgorithm algorithm() {
        return OverlayAlgorithm.named("chord");
    }
}
