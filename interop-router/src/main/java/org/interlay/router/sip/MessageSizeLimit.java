package org.interlay.router.sip;

/**
 * The one limit on a MESSAGE body that every path carries: 8192 bytes of UTF-8 (8192 characters of
 * plain ASCII text). The user agent refuses a longer body before sending it, and every agent and
 * router answers 413 above it.
 *
 * <p>Where the other limits stand: each SIP stack reads at most {@link SipEndpointConfig#DEFAULT_MAX_MESSAGE_BYTES}
 * (16 KiB) of a message: a longer datagram is cut (the request arrives with a body shorter than its
 * Content-Length and gets 400), a longer message over TCP ends its connection. A MESSAGE that crosses
 * overlays gains a Via at each of its three proxies (the peer's agent, the router, the other
 * overlay's agent). 8 KiB of body leaves the headers 8 KiB, several times what they take.
 *
 * <p>With TCP the limit was chosen again and kept: a request over 1300 bytes goes over TCP on every
 * hop that names no transport ({@link OutboundTransport}), but a hop may still be UDP (a contact that
 * says {@code ;transport=udp}, a peer without TCP, reached again over UDP), where the whole request is
 * one datagram; and page-mode MESSAGE is meant for short texts (RFC 3428 section 7), longer content
 * being for a session.
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
