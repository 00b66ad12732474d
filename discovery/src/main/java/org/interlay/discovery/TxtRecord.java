package org.interlay.discovery;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The key/value pairs of a DNS-SD TXT record (RFC 6763, section 6) and their wire form:
 * a sequence of strings, each one length byte then up to 255 bytes of {@code key=value}.
 * Keys are compared case-insensitively; the first occurrence of a key wins; a string with
 * no '=' is a key with no value.
 */
public final class TxtRecord {

    private static final int MAX_STRING = 255;

    /** Key (lower case) to value; a null value is a key present without '='. */
    private final Map<String, String> entries;

    private TxtRecord(Map<String, String> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** A record of the given pairs, in their iteration order; keys are lower-cased. */
    public static TxtRecord of(Map<String, String> pairs) {
        Map<String, String> entries = new LinkedHashMap<>();
        pairs.forEach((key, value) -> {
            if (key.isEmpty() || key.contains("=")) {
                throw new IllegalArgumentException("bad TXT key: '" + key + "'");
            }
            entries.putIfAbsent(key.toLowerCase(Locale.ROOT), value);
        });
        return new TxtRecord(entries);
    }

    /** Decodes TXT rdata strictly: a truncated string or invalid UTF-8 is an error. */
    public static TxtRecord decode(byte[] rdata) throws InvalidAdvertException {
        Map<String, String> entries = new LinkedHashMap<>();
        int at = 0;
        while (at < rdata.length) {
            int length = rdata[at] & 0xff;
            at++;
            if (at + length > rdata.length) {
                throw new InvalidAdvertException(InvalidAdvertException.Problem.MALFORMED_TXT,
                        "string of " + length + " bytes runs past the end of the record");
            }
            String text = strictUtf8(rdata, at, length);
            at += length;
            int equals = text.indexOf('=');
            String key = equals < 0 ? text : text.substring(0, equals);
            if (key.isEmpty()) {
                continue; // RFC 6763 6.4: strings with an empty key are ignored; so is the empty string
            }
            entries.putIfAbsent(key.toLowerCase(Locale.ROOT), equals < 0 ? null : text.substring(equals + 1));
        }
        return new TxtRecord(entries);
    }

    private static String strictUtf8(byte[] bytes, int offset, int length) throws InvalidAdvertException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidAdvertException(InvalidAdvertException.Problem.MALFORMED_TXT, "string is not UTF-8");
        }
    }

    /** The wire form; fails if one {@code key=value} string is longer than 255 bytes. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entries.forEach((key, value) -> {
            byte[] text = (value == null ? key : key + "=" + value).getBytes(StandardCharsets.UTF_8);
            if (text.length > MAX_STRING) {
                throw new IllegalArgumentException("TXT string for key '" + key + "' is " + text.length + " bytes, over 255");
            }
            out.write(text.length);
            out.write(text, 0, text.length);
        });
        if (out.size() == 0) {
            out.write(0); // RFC 6763 6.1: an empty TXT record holds one empty string
        }
        return out.toByteArray();
    }

    /** True when the key is present, with or without a value. */
    public boolean has(String key) {
        return entries.containsKey(key.toLowerCase(Locale.ROOT));
    }

    /** The value of a key; empty when the key is absent or has no '='. */
    public Optional<String> value(String key) {
        return Optional.ofNullable(entries.get(key.toLowerCase(Locale.ROOT)));
    }

    /** True for a record with no keys at all (what a resolver holds before the TXT answer arrives). */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Map<String, String> asMap() {
        return entries;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TxtRecord that && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
