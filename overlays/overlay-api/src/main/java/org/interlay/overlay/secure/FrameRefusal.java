package org.interlay.overlay.secure;

/** Why a secure overlay drops a frame before it reaches a handler; each is counted apart in the node's stats. */
public enum FrameRefusal {
    /** An open (unsigned) frame in a secure overlay (a sealed frame that does not parse counts as malformed). */
    UNSIGNED,
    /** Refers to a certificate by fingerprint that this node has not seen (or has forgotten). */
    UNKNOWN_CERTIFICATE,
    /** The certificate does not parse, or names no identity. */
    MALFORMED_CERTIFICATE,
    /** The certificate is not signed by this overlay's authority. */
    FOREIGN_AUTHORITY,
    /** The certificate (or the authority's) is outside its validity period. */
    CERTIFICATE_NOT_VALID,
    /** A certificate of a role that may not send this frame (a peer's frames need a node certificate). */
    WRONG_ROLE,
    /** A node certificate enrolled in another overlay. */
    WRONG_OVERLAY,
    /** The frame's sender node-id is not the one in its certificate. */
    NODE_ID_MISMATCH,
    /** The signature does not verify over the frame's bytes. */
    BAD_SIGNATURE,
    /** The MAC does not check: made for another receiver or direction, under another key, or over other bytes. */
    BAD_MAC,
    /** Its timestamp is outside the window around this node's time. */
    STALE,
    /** A copy of a frame already taken within the window. */
    REPLAYED;

    /** The word stats and logs use, e.g. {@code node-id-mismatch}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
