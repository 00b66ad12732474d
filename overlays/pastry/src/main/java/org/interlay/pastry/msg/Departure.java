package org.interlay.pastry.msg;

import java.util.List;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.msg.RouteSteps;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** One-way: the sender leaves the overlay gracefully; its leaf set helps the receiver repair its own. */
public record Departure(List<NodeRef> leaves) implements Message {
    public static final MessageType<Departure> TYPE = new MessageType<>(71, "pastry-departure",
            in -> new Departure(in.nodes("leaves", LeafSetReply.MAX_LEAVES)));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.nodes(RouteSteps.atMost(leaves, LeafSetReply.MAX_LEAVES));
    }
}
