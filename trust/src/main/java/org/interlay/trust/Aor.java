package org.interlay.trust;

import java.util.regex.Pattern;

/**
 * A SIP address of record, {@code sip:user@domain}, as a user certificate names it: no port, no
 * parameters, no password part (RFC 3261 §10.2.1: the address of record is a SIP URI naming a user).
 *
 * @param user   the user part (RFC 3261 §25.1 {@code user}: unreserved, escaped and user-unreserved characters)
 * @param domain the domain, in lower case
 */
public record Aor(String user, String domain) {
    private static final Pattern USER = Pattern.compile("([A-Za-z0-9\\-_.!~*'()&=+$,;?/]|%[0-9A-Fa-f]{2})+");

    public Aor {
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("not a SIP user name: '" + user + "'");
        }
        domain = DomainName.check(domain == null ? "" : domain);
    }

    /** As {@link #parse}, empty for null or for text that is not an address of record (e.g. a record's name to check). */
    public static java.util.Optional<Aor> tryParse(String text) {
        if (text == null) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Reads {@code sip:alice@chord.lab} (or {@code alice@chord.lab}); an IllegalArgumentException says what is wrong. */
    public static Aor parse(String text) {
        String t = text.strip();
        String rest = t.regionMatches(true, 0, "sip:", 0, 4) ? t.substring(4) : t;
        if (t.regionMatches(true, 0, "sips:", 0, 5)) {
            throw new IllegalArgumentException("not an address of record: '" + text + "' (write it as sip:user@domain)");
        }
        int at = rest.lastIndexOf('@');
        if (at <= 0 || at == rest.length() - 1) {
            throw new IllegalArgumentException("not an address of record: '" + text + "' (expected sip:user@domain, e.g. sip:alice@chord.lab)");
        }
        String host = rest.substring(at + 1);
        if (host.contains(":") || host.contains(";")) {
            throw new IllegalArgumentException("not an address of record: '" + text + "' (no port or parameters: sip:user@domain)");
        }
        try {
            return new Aor(rest.substring(0, at), host);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an address of record: '" + text + "' (" + e.getMessage() + ")");
        }
    }

    /** {@code sip:user@domain}. */
    @Override
    public String toString() {
        return "sip:" + user + "@" + domain;
    }
}
