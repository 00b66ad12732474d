package org.interlay.overlay.node.msg;

import org.interlay.overlay.node.RouteStep;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** The answer to a {@link RouteQuery}: a {@link RouteStep} on the wire. */
public record RouteReply(RouteStep step) implements Message {
    public static final int MAX_NODES = 64;
    public static final MessageType<RouteReply> TYPE =
            new MessageType<>(3, "route-reply", in -> new RouteReply(RouteSteps.read(in, MAX_NODES)));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        RouteSteps.write(out, step, MAX_NODES);
    }
}
