package org.interlay.router.ua;

import java.nio.charset.StandardCharsets;

/** A MESSAGE (RFC 3428) received by a user agent: who sent it, to whom, and its body. */
public record IncomingMessage(String from, String to, String contentType, byte[] body) {
    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
