package org.interlay.router.torture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the 49 messages of RFC 4475, written for this test from the RFC's text (resource
 * {@code rfc4475/<name>.sip}, bytes as they go on the wire), with the section that describes it and
 * what the RFC expects an element to do with it.
 */
record TortureMessage(String name, String section, TortureExpectation expected, byte[] bytes) {
    /** The top Via's sent-protocol and sent-by, with line folding allowed between their parts. */
    private static final Pattern TOP_VIA = Pattern.compile(
            "(?im)^(?:via|v)[ \\t]*:[\\s]*(SIP\\s*/\\s*[0-9.]+\\s*/\\s*)([A-Za-z]+)(\\s+)([^;,\\s]+)");

    static TortureMessage load(String name, String section, TortureExpectation expected) {
        try (InputStream in = TortureMessage.class.getResourceAsStream("/rfc4475/" + name + ".sip")) {
            if (in == null) throw new IllegalStateException("no resource for " + name);
            return new TortureMessage(name, section, expected, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isResponse() {
        return text().startsWith("SIP/");
    }

    String text() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * The message as sent by a peer at 127.0.0.1:{@code port}: the RFC's top Via names hosts such as
     * 192.0.2.2 (or TCP, TLS), so its sent-by and transport are made the test's UDP socket, for the
     * answer to come back to it; everything else, the Via's parameters included, stays as written.
     */
    byte[] sentFrom(int port) {
        if (isResponse()) return bytes;
        String text = text();
        Matcher m = TOP_VIA.matcher(text);
        if (!m.find()) return bytes;
        String rewritten = text.substring(0, m.start(2)) + "UDP" + m.group(3) + "127.0.0.1:" + port + text.substring(m.end(4));
        return rewritten.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Every message of the RFC, in its order. */
    static List<TortureMessage> all() {
        TortureExpectation ok = TortureExpectation.ANSWERED;
        TortureExpectation bad = TortureExpectation.BAD_REQUEST;
        TortureExpectation response = TortureExpectation.DISCARDED_RESPONSE;
        return List.of(
                load("wsinv", "3.1.1.1", ok),
                load("intmeth", "3.1.1.2", ok),
                load("esc01", "3.1.1.3", ok),
                load("escnull", "3.1.1.4", ok),
                load("esc02", "3.1.1.5", ok),
                load("lwsdisp", "3.1.1.6", ok),
                load("longreq", "3.1.1.7", ok),
                load("dblreq", "3.1.1.8", ok),
                load("semiuri", "3.1.1.9", ok),
                load("transports", "3.1.1.10", ok),
                load("mpart01", "3.1.1.11", ok),
                load("unreason", "3.1.1.12", response),
                load("noreason", "3.1.1.13", response),
                load("badinv01", "3.1.2.1", bad),
                load("clerr", "3.1.2.2", bad),
                load("ncl", "3.1.2.3", bad),
                load("scalar02", "3.1.2.4", bad),
                load("scalarlg", "3.1.2.5", response),
                load("quotbal", "3.1.2.6", bad),
                load("ltgtruri", "3.1.2.7", bad),
                load("lwsruri", "3.1.2.8", bad),
                load("lwsstart", "3.1.2.9", bad),
                load("trws", "3.1.2.10", bad),
                load("escruri", "3.1.2.11", bad),
                load("baddate", "3.1.2.12", bad),
                load("regbadct", "3.1.2.13", bad),
                load("badaspec", "3.1.2.14", bad),
                load("baddn", "3.1.2.15", bad),
                load("badvers", "3.1.2.16", TortureExpectation.VERSION_NOT_SUPPORTED),
                load("mismatch01", "3.1.2.17", bad),
                load("mismatch02", "3.1.2.18", bad),
                load("bigcode", "3.1.2.19", response),
                load("badbranch", "3.2.1", ok),
                load("insuf", "3.3.1", bad),
                load("unkscm", "3.3.2", TortureExpectation.UNSUPPORTED_SCHEME),
                load("novelsc", "3.3.3", TortureExpectation.UNSUPPORTED_SCHEME),
                load("unksm2", "3.3.4", TortureExpectation.REFUSED),
                load("bext01", "3.3.5", TortureExpectation.BAD_EXTENSION),
                load("invut", "3.3.6", ok),
                load("regaut01", "3.3.7", ok),
                load("multi01", "3.3.8", bad),
                load("mcl01", "3.3.9", bad),
                load("bcast", "3.3.10", response),
                load("zeromf", "3.3.11", ok),
                load("cparam01", "3.3.12", ok),
                load("cparam02", "3.3.13", ok),
                load("regescrt", "3.3.14", ok),
                load("sdp01", "3.3.15", ok),
                load("inv2543", "3.4.1", TortureExpectation.RFC2543_FORM));
    }
}
