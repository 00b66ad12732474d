package org.interlay.chord.msg;

import org.interlay.overlay.NodeRef;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/**
 * "{@code candidate} may be your successor": sent by a node whose predecessor just changed to the
 * node it had before, and by a node that just joined to the predecessor it found. The receiver
 * checks at once what its next stabilize would find anyway (SIGCOMM 2001 Fig. 7): if the candidate
 * lies between it and its successor, it asks the candidate and takes it. One-way: a lost hint costs
 * only the wait for the next stabilize.
 */
public record SuccessorHint(NodeRef candidate) implements Message {
    public static final MessageType<SuccessorHint> TYPE = new MessageType<>(69, "chord-successor-hint",
            in -> new SuccessorHint(in.node("candidate")));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.node(candidate);
    }
}
