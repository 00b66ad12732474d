package org.interlay.pastry.msg;

import java.util.List;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.RouteStep;
import org.interlay.overlay.node.msg.RouteSteps;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.overlay.wire.WireReader;
import org.interlay.overlay.wire.WireWriter;

/** The wire form of a {@link RouteStep} inside Pastry's messages, and list bounds. */
final class Steps {
    static final int MAX_STEP_NODES = 64;

    private Steps() {}

    static void write(WireWriter out, RouteStep step) {
        if (step instanceof RouteStep.Resolved r) {
            out.bool(true).nodes(RouteSteps.resolvedNodes(r, MAX_STEP_NODES));
        } else if (step instanceof RouteStep.Forward f) {
            out.bool(false).nodes(atMost(f.closer(), MAX_STEP_NODES));
        }
    }

    static RouteStep read(WireReader in) throws WireFormatException {
        boolean resolved = in.bool("resolved");
        List<NodeRef> nodes = in.nodes("next hops", MAX_STEP_NODES);
        if (resolved && nodes.isEmpty()) throw new WireFormatException("a resolved step names the responsible node");
        return resolved ? RouteStep.resolved(nodes.get(0), nodes.subList(1, nodes.size())) : RouteStep.forward(nodes);
    }

    static List<NodeRef> atMost(List<NodeRef> nodes, int max) {
        return nodes.size() > max ? nodes.subList(0, max) : nodes;
    }
}
