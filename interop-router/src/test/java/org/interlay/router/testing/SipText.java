package org.interlay.router.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A SIP message as text, read leniently, for tests that speak SIP on a raw socket. */
public record SipText(String firstLine, List<Map.Entry<String, String>> headers, String body) {
    private static final Map<String, String> COMPACT = Map.of("v", "via", "f", "from", "t", "to", "i", "call-id",
            "m", "contact", "l", "content-length", "c", "content-type", "o", "event", "e", "content-encoding");

    public static SipText parse(byte[] data, int length) {
        String text = new String(data, 0, length, StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        String[] lines = head.split("\r\n");
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.add(Map.entry(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
        }
        return new SipText(lines[0], headers, body);
    }

    public boolean isResponse() {
        return firstLine.startsWith("SIP/2.0 ");
    }

    public int status() {
        if (!isResponse()) throw new IllegalStateException("not a response: " + firstLine);
        return Integer.parseInt(firstLine.substring(8, 11));
    }

    /** The reason phrase of a response. */
    public String reason() {
        if (!isResponse()) throw new IllegalStateException("not a response: " + firstLine);
        return firstLine.length() > 12 ? firstLine.substring(12) : "";
    }

    public String method() {
        return isResponse() ? null : firstLine.substring(0, firstLine.indexOf(' '));
    }

    public String requestUri() {
        String[] parts = firstLine.split(" ");
        return parts[1];
    }

    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    public List<String> headers(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            String n = h.getKey().toLowerCase(Locale.ROOT);
            if (n.equals(wanted) || wanted.equals(COMPACT.get(n))) values.add(h.getValue());
        }
        return values;
    }

    /** How many Via entries there are, whether on separate lines or comma-separated on one. */
    public int viaCount() {
        return headers("Via").stream().mapToInt(v -> v.split(",").length).sum();
    }

    @Override
    public String toString() {
        return firstLine;
    }
}
