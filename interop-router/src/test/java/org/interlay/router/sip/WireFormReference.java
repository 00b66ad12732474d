package org.interlay.router.sip;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks of {@link WireForm#problem} written with regular expressions on the decoded text, as they
 * were before the byte scanner: what the scanner must agree with on every input.
 */
final class WireFormReference {
    private static final Pattern REQUEST_LINE = Pattern.compile("[^ \\t]+ [^ \\t]+ [^ \\t]+");
    /** Headers that may appear once, by long and compact name. */
    private static final Map<String, String> SINGLE = Map.ofEntries(
            Map.entry("from", "From"), Map.entry("f", "From"), Map.entry("to", "To"), Map.entry("t", "To"),
            Map.entry("call-id", "Call-ID"), Map.entry("i", "Call-ID"), Map.entry("cseq", "CSeq"),
            Map.entry("max-forwards", "Max-Forwards"), Map.entry("content-length", "Content-Length"),
            Map.entry("l", "Content-Length"), Map.entry("content-type", "Content-Type"), Map.entry("c", "Content-Type"));
    private static final Pattern SPACE_IN_BRACKETS = Pattern.compile("<[ \\t]|[ \\t]>");
    private static final Pattern TOKEN_WORDS = Pattern.compile("[A-Za-z0-9.!%*_+`'~\\- \\t]*");
    // compiled once: String.split and String.replaceAll compile their pattern on every call
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");
    private static final Pattern QUOTED_STRING = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");

    private WireFormReference() {
    }

    /** What is wrong with the request in {@code bytes}, in words for a 400, or null. */
    static String problem(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        // a datagram keeps its CRLFs; a message read from a TCP stream reaches the parser with bare LFs
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) end = text.indexOf("\n\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = LINE_BREAK.split(head, -1);
        if (!REQUEST_LINE.matcher(lines[0]).matches()) return "malformed request line";
        Map<String, Integer> seen = new HashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (int i = 1; i <= lines.length; i++) {
            boolean folded = i < lines.length && !lines[i].isEmpty() && (lines[i].charAt(0) == ' ' || lines[i].charAt(0) == '\t');
            if (folded) {
                value.append(' ').append(lines[i].trim());
                continue;
            }
            if (name != null) {
                String problem = headerProblem(name, value.toString(), seen);
                if (problem != null) return problem;
            }
            if (i == lines.length) break;
            int colon = lines[i].indexOf(':');
            name = colon < 0 ? null : lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            value.setLength(0);
            if (colon >= 0) value.append(lines[i].substring(colon + 1).trim());
        }
        return null;
    }

    private static String headerProblem(String name, String value, Map<String, Integer> seen) {
        String single = SINGLE.get(name);
        if (single != null && seen.merge(single, 1, Integer::sum) > 1) return "more than one " + single + " header";
        boolean address = "From".equals(single) || "To".equals(single) || name.equals("contact") || name.equals("m");
        if (!address) return null;
        String canonical = name.equals("m") ? "Contact" : single == null ? "Contact" : single;
        if (SPACE_IN_BRACKETS.matcher(withoutQuoted(value)).find()) return "spaces inside <> in " + canonical;
        int bracket = value.indexOf('<');
        if (bracket > 0 && value.charAt(0) != '"' && !TOKEN_WORDS.matcher(value.substring(0, bracket)).matches()) {
            return "display name in " + canonical + " must be quoted";
        }
        return null;
    }

    /** {@code value} with its quoted strings emptied, so that what they hold is not taken for syntax. */
    private static String withoutQuoted(String value) {
        if (value.indexOf('"') < 0) return value;
        return QUOTED_STRING.matcher(value).replaceAll("\"\"");
    }
}
