package org.interlay.chord.msg;

import java.util.List;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/**
 * The answer to {@link NeighboursQuery}: the receiver's predecessor (null when it has none), and its
 * successor list and distinct fingers when they were asked for (else empty).
 */
public record NeighboursReply(NodeRef predecessor, List<NodeRef> successors, List<NodeRef> fingers) implements Message {
    /** More successors than any configuration keeps; a longer list is the sender's fault. */
    public static final int MAX_SUCCESSORS = 64;
    /** A finger table has at most one distinct node per bit of the identifier space. */
    public static final int MAX_FINGERS = 160;

    public static final MessageType<NeighboursReply> TYPE = new MessageType<>(67, "chord-neighbours-reply",
            in -> new NeighboursReply(OptionalNode.read(in, "predecessor"), in.nodes("successors", MAX_SUCCESSORS),
                    in.nodes("fingers", MAX_FINGERS)));

    public NeighboursReply {
        successors = List.copyOf(successors);
        fingers = List.copyOf(fingers);
        if (successors.size() > MAX_SUCCESSORS || fingers.size() > MAX_FINGERS) {
            throw new IllegalArgumentException("at most " + MAX_SUCCESSORS + " successors and " + MAX_FINGERS + " fingers");
        }
    }

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        OptionalNode.write(out, predecessor);
        out.nodes(successors).nodes(fingers);
    }
}
