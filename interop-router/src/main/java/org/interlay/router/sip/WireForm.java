package org.interlay.router.sip;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the stack's parser lets through but RFC 3261's grammar does not, checked on a request's text
 * as it arrived (RFC 4475 section 3.1.2): a request line that is not exactly method, one space,
 * Request-URI, one space, version; a header that may appear once appearing twice (two Content-Length
 * values leave no way to know where the body ends); spaces inside the angle brackets of an address; a
 * display name of several words with characters a token cannot hold, not quoted.
 */
final class WireForm {
    /** Headers that may appear once, by long and compact name. */
    private static final Map<String, String> SINGLE = Map.ofEntries(
            Map.entry("from", "From"), Map.entry("f", "From"), Map.entry("to", "To"), Map.entry("t", "To"),
            Map.entry("call-id", "Call-ID"), Map.entry("i", "Call-ID"), Map.entry("cseq", "CSeq"),
            Map.entry("max-forwards", "Max-Forwards"), Map.entry("content-length", "Content-Length"),
            Map.entry("l", "Content-Length"), Map.entry("content-type", "Content-Type"), Map.entry("c", "Content-Type"));
    /** What a display name may hold unquoted besides letters and digits: token marks, spaces and tabs. */
    private static final String TOKEN_MARKS = ".!%*_+`'~- \t";
    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};
    private static final byte[] LF_LF = {'\n', '\n'};
    private static final Pattern QUOTED_STRING = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");

    private WireForm() {
    }

    /** The SIP version at the end of the request line in {@code bytes}, or null when there is no such line. */
    static String version(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != '\r' && bytes[end] != '\n') end++;
        String line = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).trim();
        int space = line.lastIndexOf(' ');
        return space < 0 ? null : line.substring(space + 1);
    }

    /**
     * What is wrong with the request in {@code bytes}, in words for a 400, or null. The head (up to the
     * first empty line) is read line by line where it lies, a line ending at LF or CRLF; only the
     * values of address headers are made into strings, the other headers are only named and counted.
     */
    static String problem(byte[] bytes) {
        // a datagram keeps its CRLFs; a message read from a TCP stream reaches the parser with bare LFs
        int headEnd = indexOf(bytes, CRLF_CRLF);
        if (headEnd < 0) headEnd = indexOf(bytes, LF_LF);
        if (headEnd < 0) headEnd = bytes.length;
        int lineEnd = lineEnd(bytes, 0, headEnd);
        if (!requestLine(bytes, 0, contentEnd(bytes, 0, lineEnd, headEnd))) return "malformed request line";
        Map<String, Integer> seen = new HashMap<>();
        String name = null;
        StringBuilder value = null; // only for an address header
        for (int start = lineEnd + 1; ; start = lineEnd + 1) {
            boolean last = start > headEnd;
            int contentEnd = 0;
            if (!last) {
                lineEnd = lineEnd(bytes, start, headEnd);
                contentEnd = contentEnd(bytes, start, lineEnd, headEnd);
                if (contentEnd > start && (bytes[start] == ' ' || bytes[start] == '\t')) { // folded
                    if (value != null) value.append(' ').append(trimmed(bytes, start, contentEnd));
                    continue;
                }
            }
            if (name != null) {
                String problem = headerProblem(name, value == null ? null : value.toString(), seen);
                if (problem != null) return problem;
            }
            if (last) return null;
            int colon = indexOf(bytes, (byte) ':', start, contentEnd);
            name = colon < 0 ? null : asciiLowerCase(bytes, start, colon);
            value = name != null && isAddress(name) ? new StringBuilder(trimmed(bytes, colon + 1, contentEnd)) : null;
            if (name != null && value == null && !SINGLE.containsKey(name)) name = null; // nothing to check
        }
    }

    /** Whether the header named {@code name} (in lower case) holds an address whose form is checked. */
    private static boolean isAddress(String name) {
        String single = SINGLE.get(name);
        return "From".equals(single) || "To".equals(single) || name.equals("contact") || name.equals("m");
    }

    private static String headerProblem(String name, String value, Map<String, Integer> seen) {
        String single = SINGLE.get(name);
        if (single != null && seen.merge(single, 1, Integer::sum) > 1) return "more than one " + single + " header";
        if (value == null) return null;
        String canonical = name.equals("m") ? "Contact" : single == null ? "Contact" : single;
        if (spaceInBrackets(withoutQuoted(value))) return "spaces inside <> in " + canonical;
        int bracket = value.indexOf('<');
        if (bracket > 0 && value.charAt(0) != '"' && !tokenWords(value, bracket)) {
            return "display name in " + canonical + " must be quoted";
        }
        return null;
    }

    /** A space or tab just inside an angle bracket: {@code < } or {@code  >}. */
    private static boolean spaceInBrackets(String value) {
        for (int i = 0; i + 1 < value.length(); i++) {
            char c = value.charAt(i);
            char next = value.charAt(i + 1);
            if (c == '<' && (next == ' ' || next == '\t')) return true;
            if ((c == ' ' || c == '\t') && next == '>') return true;
        }
        return false;
    }

    /** Whether the first {@code length} characters of {@code value} are token characters, spaces and tabs only. */
    private static boolean tokenWords(String value, int length) {
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || TOKEN_MARKS.indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }

    /** The request line is method, one space, Request-URI, one space, version: no tab, no other space. */
    private static boolean requestLine(byte[] bytes, int from, int to) {
        int spaces = 0;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '\t') return false;
            if (b == ' ') {
                if (i == from || i == to - 1 || bytes[i + 1] == ' ') return false;
                spaces++;
            }
        }
        return spaces == 2;
    }

    /** Where the line starting at {@code from} ends: its LF, or the end of the head. */
    private static int lineEnd(byte[] bytes, int from, int headEnd) {
        int lf = indexOf(bytes, (byte) '\n', from, headEnd);
        return lf < 0 ? headEnd : lf;
    }

    /** The end of the line's content: without the CR of a CRLF (a CR alone, at the end of the head, stays). */
    private static int contentEnd(byte[] bytes, int from, int lineEnd, int headEnd) {
        return lineEnd < headEnd && lineEnd > from && bytes[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
    }

    /** The bytes {@code [from, to)} as text without what {@link String#trim()} removes at either end. */
    private static String trimmed(byte[] bytes, int from, int to) {
        while (from < to && (bytes[from] & 0xff) <= ' ') from++;
        while (to > from && (bytes[to - 1] & 0xff) <= ' ') to--;
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * The trimmed bytes {@code [from, to)} in lower case, or "" when they hold anything but ASCII (no
     * header name checked here has any, and no other Latin-1 letter lower-cases to ASCII).
     */
    private static String asciiLowerCase(byte[] bytes, int from, int to) {
        while (from < to && (bytes[from] & 0xff) <= ' ') from++;
        while (to > from && (bytes[to - 1] & 0xff) <= ' ') to--;
        char[] name = new char[to - from];
        for (int i = from; i < to; i++) {
            int c = bytes[i] & 0xff;
            if (c >= 0x80) return "";
            name[i - from] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : (char) c;
        }
        return new String(name);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) return i;
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        outer:
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /** {@code value} with its quoted strings emptied, so that what they hold is not taken for syntax. */
    private static String withoutQuoted(String value) {
        if (value.indexOf('"') < 0) return value;
        return QUOTED_STRING.matcher(value).replaceAll("\"\"");
    }
}
