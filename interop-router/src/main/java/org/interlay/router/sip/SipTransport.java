package org.interlay.router.sip;

import java.util.Locale;

/** The transports served here (RFC 3261 section 18); TLS is not. */
public enum SipTransport {
    UDP, TCP;

    /** The value of a URI's {@code transport} parameter for it. */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code udp} or {@code tcp}, in any case. */
    public static SipTransport parse(String text) {
        for (SipTransport t : values()) {
            if (t.name().equalsIgnoreCase(text)) return t;
        }
        throw new IllegalArgumentException("not a SIP transport served here (udp, tcp): " + text);
    }
}
