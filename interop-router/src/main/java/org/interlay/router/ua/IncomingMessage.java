package org.interlay.router.ua;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A MESSAGE (RFC 3428) received by a user agent: who sent it, to whom, its body, and the path it took
 * (its Via headers, the last hop first).
 */
public record IncomingMessage(String from, String to, String contentType, byte[] body, List<String> path) {
    public IncomingMessage {
        path = List.copyOf(path);
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
