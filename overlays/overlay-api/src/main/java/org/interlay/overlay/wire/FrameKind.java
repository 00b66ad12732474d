package org.interlay.overlay.wire;

/** What a frame is to the RPC layer. */
public enum FrameKind {
    /** Expects a {@link #RESPONSE} with the same id; retransmitted until one comes or time runs out. */
    REQUEST,
    /** Answers the {@link #REQUEST} with the same id. */
    RESPONSE,
    /** Fire and forget. */
    ONEWAY,
    /**
     * A request from a client, which is not a member of the overlay: answered like a {@link #REQUEST},
     * but its sender is not a peer, so it never enters a routing table, a peer observer or the
     * incarnation map, and only the handlers registered for clients serve it.
     */
    CLIENT_REQUEST;

    static FrameKind fromCode(int code) throws WireFormatException {
        return switch (code) {
            case 1 -> REQUEST;
            case 2 -> RESPONSE;
            case 3 -> ONEWAY;
            case 4 -> CLIENT_REQUEST;
            default -> throw new WireFormatException("unknown frame kind " + code);
        };
    }

    int code() {
        return ordinal() + 1;
    }
}
