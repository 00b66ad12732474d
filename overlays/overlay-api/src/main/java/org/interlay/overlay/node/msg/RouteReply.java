package org.interlay.overlay.node.msg;

import java.util.List;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.RouteStep;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.overlay.wire.WireWriter;

/** The answer to a {@link RouteQuery}: a {@link RouteStep} on the wire. */
public record RouteReply(RouteStep step) implements Message {
    public static final int MAX_NODES = 64;
    public static final MessageType<RouteReply> TYPE = new MessageType<>(3, "route-reply", in -> {
        boolean resolved = in.bool("resolved");
        List<NodeRef> nodes = in.nodes("nodes", MAX_NODES);
        if (resolved && nodes.isEmpty()) throw new WireFormatException("a resolved route names the responsible node");
        return new RouteReply(resolved ? RouteStep.resolved(nodes.get(0), nodes.subList(1, nodes.size()))
                : RouteStep.forward(nodes));
    });

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        if (step instanceof RouteStep.Resolved r) {
            out.bool(true).nodes(RouteSteps.resolvedNodes(r, MAX_NODES));
        } else if (step instanceof RouteStep.Forward f) {
            out.bool(false).nodes(f.closer().size() > MAX_NODES ? f.closer().subList(0, MAX_NODES) : f.closer());
        }
    }
}
