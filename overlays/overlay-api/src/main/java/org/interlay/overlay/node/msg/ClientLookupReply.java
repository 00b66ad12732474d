package org.interlay.overlay.node.msg;

import org.interlay.overlay.LookupResult;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.MessageType;
import org.interlay.overlay.wire.WireWriter;

/** A peer's answer to {@link ClientLookup}: the lookup it ran, whose route starts at the peer. */
public record ClientLookupReply(LookupResult result) implements Message {
    /** Route nodes sent at most (a route is a handful of hops; the hop count is sent apart). */
    static final int MAX_ROUTE = 64;

    public static final MessageType<ClientLookupReply> TYPE = new MessageType<>(15, "client-lookup-reply",
            in -> new ClientLookupReply(new LookupResult(in.key("key"), in.node("responsible"), in.nodes("route", MAX_ROUTE),
                    in.u16("hops"), in.u16("rounds"), in.i32("messages"), in.i64InRange("latency", 0, Long.MAX_VALUE))));

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void writeTo(WireWriter out) {
        out.key(result.key()).node(result.responsible()).nodes(RouteSteps.atMost(result.route(), MAX_ROUTE))
                .u16(Math.min(result.hops(), 0xFFFF)).u16(Math.min(result.rounds(), 0xFFFF)).i32(result.messages())
                .i64(Math.max(0, result.latencyMillis()));
    }
}
