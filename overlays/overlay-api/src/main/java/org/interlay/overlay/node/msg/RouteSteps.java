package org.interlay.overlay.node.msg;

import java.util.ArrayList;
import java.util.List;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.RouteStep;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.overlay.wire.WireReader;
import org.interlay.overlay.wire.WireWriter;

/**
 * The wire form of a {@link RouteStep}, shared by the route reply and algorithms' own messages: a flag
 * (resolved or not) and a list of nodes. Resolved: the responsible node first, then its backups;
 * forward: the closer nodes, best first.
 */
public final class RouteSteps {
    private RouteSteps() {}

    /** Writes {@code step} with at most {@code max} nodes (backups or fall-backs past that are left out). */
    public static void write(WireWriter out, RouteStep step, int max) {
        if (step instanceof RouteStep.Resolved r) {
            List<NodeRef> nodes = new ArrayList<>(1 + r.backups().size());
            nodes.add(r.responsible());
            nodes.addAll(r.backups());
            out.bool(true).nodes(atMost(nodes, max));
        } else if (step instanceof RouteStep.Forward f) {
            out.bool(false).nodes(atMost(f.closer(), max));
        }
    }

    /** Reads a step of at most {@code max} nodes; a resolved step must name the responsible node. */
    public static RouteStep read(WireReader in, int max) throws WireFormatException {
        boolean resolved = in.bool("resolved");
        List<NodeRef> nodes = in.nodes("nodes", max);
        if (!resolved) return RouteStep.forward(nodes);
        if (nodes.isEmpty()) throw new WireFormatException("a resolved step names the responsible node");
        return RouteStep.resolved(nodes.get(0), nodes.subList(1, nodes.size()));
    }

    /** The first {@code max} of {@code nodes}. */
    public static List<NodeRef> atMost(List<NodeRef> nodes, int max) {
        return nodes.size() > max ? nodes.subList(0, max) : nodes;
    }
}
