package org.interlay.pastry.msg;

import java.util.List;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.RouteStep;
import org.interlay.overlay.node.msg.RouteSteps;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.overlay.wire.WireReader;
import org.interlay.overlay.wire.WireWriter;

/**
 * A node's answer to a {@link JoinRequest}: who it is, where the join goes next (or who is numerically
 * closest to the joiner), the rows of its routing table that the joiner can use (every row up to the
 * length of the prefix they share), its leaf set, and its neighbourhood set when asked.
 */
public record JoinReply(NodeRef responder, RouteStep step, List<NodeRef> rows, List<NodeRef> leaves,
                        List<NodeRef> neighbourhood) implements Message {
    public static final int MAX_NODES = 255;
    public static final MessageType<JoinReply> TYPE = new MessageType<>(65, "pastry-join-reply", JoinReply::read);

    private static JoinReply read(WireReader in) throws WireFormatException {
        NodeRef responder = in.node("responder");
        RouteStep step = Steps.read(in);
        return new JoinReply(responder, step, in.nodes("rows", MAX_NODES), in.nodes("leaves", MAX_NODES),
                in.nodes("neighbourhood", MAX_NODES));
    }

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.node(responder);
        Steps.write(out, step);
        out.nodes(RouteSteps.atMost(rows, MAX_NODES)).nodes(RouteSteps.atMost(leaves, MAX_NODES))
                .nodes(RouteSteps.atMost(neighbourhood, MAX_NODES));
    }
}
