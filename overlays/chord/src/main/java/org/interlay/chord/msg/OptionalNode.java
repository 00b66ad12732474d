package org.interlay.chord.msg;

import org.interlay.overlay.NodeRef;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.overlay.wire.WireReader;
import org.interlay.overlay.wire.WireWriter;

/** A node that may be unknown (a predecessor not learnt yet): a presence flag, then the node. */
final class OptionalNode {
    private OptionalNode() {}

    static void write(WireWriter out, NodeRef node) {
        out.bool(node != null);
        if (node != null) out.node(node);
    }

    /** The node, or null when absent. */
    static NodeRef read(WireReader in, String field) throws WireFormatException {
        return in.bool(field + " present") ? in.node(field) : null;
    }
}
