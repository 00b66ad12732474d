package org.interlay.chord.msg;

import java.util.List;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/**
 * A node leaving voluntarily tells its successor and its predecessor, so they link up at once
 * (SIGCOMM 2001 §6.2; ToN 2003 §IV-E.2): the successor takes {@code predecessors} for its own, the
 * predecessor replaces the leaving node by {@code successors}. Acknowledged with a pong.
 */
public record Leaving(List<NodeRef> predecessors, List<NodeRef> successors) implements Message {
    public static final MessageType<Leaving> TYPE = new MessageType<>(68, "chord-leaving",
            in -> new Leaving(in.nodes("predecessors", NeighboursReply.MAX_SUCCESSORS),
                    in.nodes("successors", NeighboursReply.MAX_SUCCESSORS)));

    public Leaving {
        predecessors = List.copyOf(predecessors);
        successors = List.copyOf(successors);
        if (predecessors.size() > NeighboursReply.MAX_SUCCESSORS || successors.size() > NeighboursReply.MAX_SUCCESSORS) {
            throw new IllegalArgumentException("at most " + NeighboursReply.MAX_SUCCESSORS + " nodes in a list");
        }
    }

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.nodes(predecessors).nodes(successors);
    }
}
