package org.interlay.router.sip;

/**
 * The one limit on a MESSAGE body that every path carries over UDP: 8192 bytes of UTF-8 (8192
 * characters of plain ASCII text). The user agent refuses a longer body before sending it, and every
 * agent and router answers 413 above it.
 *
 * <p>Where the other limits stand: each SIP stack reads at most {@link SipEndpointConfig#DEFAULT_MAX_MESSAGE_BYTES}
 * (16 KiB) of a datagram and cuts the rest, so a larger request arrives with a body shorter than its
 * Content-Length and gets 400; a MESSAGE that crosses overlays gains a Via at each of its three
 * proxies (the peer's agent, the router, the other overlay's agent). 8 KiB of body leaves the
 * headers 8 KiB, several times what they take, and stays far below the 65,507 bytes of a UDP
 * datagram.
 */
public final class MessageSizeLimit {
    /** The largest MESSAGE body, in bytes. */
    public static final int BODY_BYTES = 8 * 1024;

    private MessageSizeLimit() {}

    /** What to tell a user whose text is {@code bytes} long, or null when it fits. */
    public static String refusal(int bytes) {
        if (bytes <= BODY_BYTES) return null;
        return "a message is at most " + BODY_BYTES + " bytes (UTF-8; " + BODY_BYTES + " characters of plain ASCII), this one is "
                + bytes;
    }
}
