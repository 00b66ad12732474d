package org.interlay.overlay.wire;

/** What a frame is to the RPC layer. */
public enum FrameKind {
    /** Expects a {@link #RESPONSE} with the same id; retransmitted until one comes or time runs out. */
    REQUEST,
    /** Answers the {@link #REQUEST} with the same id. */
    RESPONSE,
    /** Fire and forget. */
    ONEWAY;

    static FrameKind fromCode(int code) throws WireFormatException {
        return switch (code) {
            case 1 -> REQUEST;
            case 2 -> RESPONSE;
            case 3 -> ONEWAY;
            default -> throw new WireFormatException("unknown frame kind " + code);
        };
    }

    int code() {
        return ordinal() + 1;
    }
}
