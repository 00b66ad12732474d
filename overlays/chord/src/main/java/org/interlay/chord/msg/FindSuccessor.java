package org.interlay.chord.msg;

import org.interlay.overlay.Key;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/**
 * A joining node asks a node already in the ring to look up the successor of {@code key}, its own
 * id: the {@code n'.find_successor(n)} of {@code join} (Stoica et al., SIGCOMM 2001, Fig. 6).
 */
public record FindSuccessor(Key key) implements Message {
    public static final MessageType<FindSuccessor> TYPE =
            new MessageType<>(64, "chord-find-successor", in -> new FindSuccessor(in.key("key")));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.key(key);
    }
}
