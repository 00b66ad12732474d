package org.interlay.chord.msg;

import java.util.ArrayList;
import java.util.List;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/**
 * The answer to {@link NeighboursQuery}: the receiver's predecessors, nearest first (empty when it
 * knows none), and its successor list and distinct fingers when they were asked for (else empty).
 */
public record NeighboursReply(List<NodeRef> predecessors, List<NodeRef> successors, List<NodeRef> fingers)
        implements Message {
    /** More neighbours in a list than any configuration keeps; a longer list is the sender's fault. */
    public static final int MAX_SUCCESSORS = 64;
    /** A finger table has at most one distinct node per bit of the identifier space. */
    public static final int MAX_FINGERS = 160;

    public static final MessageType<NeighboursReply> TYPE = new MessageType<>(67, "chord-neighbours-reply",
            in -> new NeighboursReply(in.nodes("predecessors", MAX_SUCCESSORS), in.nodes("successors", MAX_SUCCESSORS),
                    in.nodes("fingers", MAX_FINGERS)));

    public NeighboursReply {
        predecessors = List.copyOf(predecessors);
        successors = List.copyOf(successors);
        fingers = List.copyOf(fingers);
        if (predecessors.size() > MAX_SUCCESSORS || successors.size() > MAX_SUCCESSORS || fingers.size() > MAX_FINGERS) {
            throw new IllegalArgumentException("at most " + MAX_SUCCESSORS + " neighbours and " + MAX_FINGERS + " fingers");
        }
    }

    /** The receiver's predecessor, or null when it knows none. */
    public NodeRef predecessor() {
        return predecessors.isEmpty() ? null : predecessors.get(0);
    }

    /**
     * The predecessors the receiver {@code replier} reported that lie strictly between {@code from}
     * and it, nearest the replier first: nodes that follow {@code from} more closely than the replier.
     */
    public List<NodeRef> predecessorsBetween(Key from, Key replier) {
        List<NodeRef> out = new ArrayList<>(2);
        for (NodeRef p : predecessors) {
            if (!p.id().isBetweenExclusive(from, replier)) break;
            out.add(p);
        }
        return out;
    }

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.nodes(predecessors).nodes(successors).nodes(fingers);
    }
}
