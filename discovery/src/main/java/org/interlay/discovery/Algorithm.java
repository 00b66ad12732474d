package org.interlay.discovery;

import java.util.Locale;

/** The DHT algorithm an overlay runs, as named in the {@code algo} TXT key. */
public enum Algorithm {
    CHORD, PASTRY, KADEMLIA;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; only the exact lower-case names are accepted. */
    public static Algorithm fromWireName(String text) throws InvalidAdvertException {
        for (Algorithm algorithm : values()) {
            if (algorithm.wireName().equals(text)) {
                return algorithm;
            }
        }
        throw new InvalidAdvertException(InvalidAdvertException.Problem.UNKNOWN_ALGORITHM, "algo=" + text);
    }
}
