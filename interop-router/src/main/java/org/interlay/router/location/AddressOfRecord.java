package org.interlay.router.location;

import java.util.Locale;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

/**
 * A user's public SIP address, {@code sip:user@domain}: what REGISTER binds contacts to and what
 * MESSAGE, PUBLISH and SUBSCRIBE are addressed to. The domain is compared without case, the user
 * part exactly (RFC 3261 section 19.1.4); parameters and ports are not part of it.
 */
public record AddressOfRecord(String user, String domain) {
    public AddressOfRecord {
        if (user == null || user.isEmpty() || domain == null || domain.isEmpty()) {
            throw new IllegalArgumentException("an address of record needs a user and a domain");
        }
        domain = domain.toLowerCase(Locale.ROOT);
    }

    /** The address of record named by a sip or sips URI with a user part; empty for anything else. */
    public static Optional<AddressOfRecord> of(URI uri) {
        if (uri instanceof SipURI sip && sip.getUser() != null && !sip.getUser().isEmpty() && sip.getHost() != null) {
            return Optional.of(new AddressOfRecord(sip.getUser(), sip.getHost()));
        }
        return Optional.empty();
    }

    /** Parses {@code sip:user@domain} or {@code user@domain}. */
    public static AddressOfRecord parse(String text) {
        String s = text.startsWith("sip:") ? text.substring(4) : text;
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1 || s.indexOf(';') >= 0 || s.indexOf(':') >= 0) {
            throw new IllegalArgumentException("not an address of record: " + text);
        }
        return new AddressOfRecord(s.substring(0, at), s.substring(at + 1));
    }

    @Override
    public String toString() {
        return "sip:" + user + "@" + domain;
    }
}
