package org.interlay.trust;

import java.util.Locale;
import java.util.Optional;

/**
 * What a certificate lets its holder be. It is written into the certificate's subject as the
 * organizational unit ({@code OU=node}), signed by the authority like the rest of the certificate.
 */
public enum Role {
    /** A peer of an overlay; its certificate carries the node-id the authority chose. */
    NODE,
    /** A SIP user; its certificate carries the address of record. */
    USER,
    /** A SIP agent (registrar, proxy) serving one domain. */
    AGENT,
    /** An interop router between overlays. */
    ROUTER;

    /** The word in certificates and file names: {@code node}, {@code user}, {@code agent}, {@code router}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a label names, if any. */
    public static Optional<Role> fromLabel(String label) {
        for (Role r : values()) {
            if (r.label().equals(label)) return Optional.of(r);
        }
        return Optional.empty();
    }
}
