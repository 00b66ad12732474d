package org.interlay.overlay.node.msg;

import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** A client asks its peer to store a record (its expiry as time left); answered by {@link ClientDone}. */
public record ClientPut(RecordCopy record) implements Message {
    public static final MessageType<ClientPut> TYPE = new MessageType<>(17, "client-put",
            in -> new ClientPut(RecordCopy.readFrom(in)));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        record.writeTo(out);
    }
}
