package org.interlay.pastry.msg;

import java.util.List;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.msg.RouteSteps;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** A leaf set, in answer to a {@link LeafSetRequest} or an {@link Announce} (empty when not asked for). */
public record LeafSetReply(List<NodeRef> leaves) implements Message {
    public static final int MAX_LEAVES = 128;
    public static final MessageType<LeafSetReply> TYPE = new MessageType<>(68, "pastry-leafset",
            in -> new LeafSetReply(in.nodes("leaves", MAX_LEAVES)));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.nodes(RouteSteps.atMost(leaves, MAX_LEAVES));
    }
}
