package org.interlay.pastry.msg;

import java.util.List;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.RouteStep;
import org.interlay.overlay.node.msg.RouteSteps;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.overlay.wire.WireReader;
import org.interlay.overlay.wire.WireWriter;

/** The wire form of a {@link RouteStep} inside Pastry's messages (the shared one), and list bounds. */
final class Steps {
    static final int MAX_STEP_NODES = 64;

    private Steps() {}

    static void write(WireWriter out, RouteStep step) {
        RouteSteps.write(out, step, MAX_STEP_NODES);
    }

    static RouteStep read(WireReader in) throws WireFormatException {
        return RouteSteps.read(in, MAX_STEP_NODES);
    }

    static List<NodeRef> atMost(List<NodeRef> nodes, int max) {
        return RouteSteps.atMost(nodes, max);
    }
}
