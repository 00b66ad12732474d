package org.interlay.chord.msg;

import java.util.List;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireFormatException;
import org.interlay.overlay.wire.WireWriter;

/**
 * "Who is your predecessor?" ({@code successor.predecessor} in SIGCOMM 2001 Fig. 7), answered by
 * {@link NeighboursReply}, with what else the asker needs:
 *
 * <ul>
 *   <li>stabilize asks its successor with {@code notify} and {@code wantSuccessors}: the predecessor,
 *       the successor list to copy (§6.2), and in the same datagram notify ("I think I might be your
 *       predecessor", Fig. 7);</li>
 *   <li>a joining node also sets {@code wantFingers}: the successor's fingers are hints for its own
 *       (the optimization closing §4.4);</li>
 *   <li>fix_fingers asks a finger for its predecessor alone: the finger is still successor(n + 2^i)
 *       if its predecessor precedes n + 2^i.</li>
 * </ul>
 *
 * @param predecessors the asker's own predecessors, nearest first (empty when unknown): the receiver,
 *                     once it takes the asker for its predecessor, keeps them after it
 */
public record NeighboursQuery(boolean notifying, boolean wantSuccessors, boolean wantFingers,
                              List<NodeRef> predecessors) implements Message {
    private static final int NOTIFY = 1;
    private static final int SUCCESSORS = 2;
    private static final int FINGERS = 4;

    public static final MessageType<NeighboursQuery> TYPE = new MessageType<>(66, "chord-neighbours-query", in -> {
        int flags = in.u8("flags");
        if ((flags & ~(NOTIFY | SUCCESSORS | FINGERS)) != 0) throw new WireFormatException("unknown flags " + flags);
        return new NeighboursQuery((flags & NOTIFY) != 0, (flags & SUCCESSORS) != 0, (flags & FINGERS) != 0,
                in.nodes("predecessors", NeighboursReply.MAX_SUCCESSORS));
    });

    public NeighboursQuery {
        predecessors = List.copyOf(predecessors);
        if (predecessors.size() > NeighboursReply.MAX_SUCCESSORS) {
            throw new IllegalArgumentException("at most " + NeighboursReply.MAX_SUCCESSORS + " predecessors");
        }
    }

    /** stabilize's question, with notify. */
    public static NeighboursQuery stabilize(List<NodeRef> ownPredecessors) {
        return new NeighboursQuery(true, true, false, ownPredecessors);
    }

    /** A joining node's question to the successor it found. */
    public static NeighboursQuery join() {
        return new NeighboursQuery(true, true, true, List.of());
    }

    /** fix_fingers' question to a finger. */
    public static NeighboursQuery predecessorOnly() {
        return new NeighboursQuery(false, false, false, List.of());
    }

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.u8((notifying ? NOTIFY : 0) | (wantSuccessors ? SUCCESSORS : 0) | (wantFingers ? FINGERS : 0));
        out.nodes(predecessors);
    }
}
