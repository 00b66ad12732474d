package org.interlay.pastry.msg;

import org.interlay.overlay.node.RouteStep;
import org.interlay.overlay.node.msg.RouteSteps;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.overlay.wire.WireReader;
import org.interlay.overlay.wire.WireWriter;

/** The wire form of a {@link RouteStep} inside Pastry's messages (the shared one), and the bound on its nodes. */
final class Steps {
    static final int MAX_STEP_NODES = 64;

    private Steps() {}

    static void write(WireWriter out, RouteStep step) {
        RouteSteps.write(out, step, MAX_STEP_NODES);
    }

    static RouteStep read(WireReader in) throws WireFormatException {
        return RouteSteps.read(in, MAX_STEP_NODES);
    }
}
