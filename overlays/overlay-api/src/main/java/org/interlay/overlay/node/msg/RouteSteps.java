package org.interlay.overlay.node.msg;

import java.util.ArrayList;
import java.util.List;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.RouteStep;

/** Wire helpers for {@link RouteStep}s, shared by the route reply and algorithms' own messages. */
public final class RouteSteps {
    private RouteSteps() {}

    /** A resolved step's nodes as sent: the responsible node first, then as many backups as fit. */
    public static List<NodeRef> resolvedNodes(RouteStep.Resolved r, int max) {
        List<NodeRef> nodes = new ArrayList<>(1 + r.backups().size());
        nodes.add(r.responsible());
        for (NodeRef b : r.backups()) {
            if (nodes.size() == max) break;
            nodes.add(b);
        }
        return nodes;
    }
}
