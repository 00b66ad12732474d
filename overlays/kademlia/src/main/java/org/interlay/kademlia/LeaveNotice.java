package org.interlay.kademlia;

import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/**
 * "I am leaving": sent one way by a node that leaves gracefully to every contact it has, which drop it
 * from their buckets at once instead of waiting for it to fail to answer. The paper has no leave
 * message (a departed node is noticed when it stops answering); this only saves the others that wait.
 * It carries nothing: the sender is in the frame, and a datagram can only take its own sender out.
 */
record LeaveNotice() implements Message {
    static final MessageType<LeaveNotice> TYPE = new MessageType<>(MessageType.FIRST_ALGORITHM_CODE, "kademlia-leave",
            in -> new LeaveNotice());

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) { }
}
