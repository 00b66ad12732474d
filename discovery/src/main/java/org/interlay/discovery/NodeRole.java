package org.interlay.discovery;

import java.util.Locale;

/** What an advertising node does for its overlay, as named in the {@code role} TXT key. */
public enum NodeRole {
    /** An ordinary member of the overlay. */
    PEER,
    /** An interop router, member of this overlay and of others. */
    ROUTER;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; only the exact lower-case names are accepted. */
    public static NodeRole fromWireName(String text) throws InvalidAdvertException {
        for (NodeRole role : values()) {
            if (role.wireName().equals(text)) {
                return role;
            }
        }
        throw new InvalidAdvertException(InvalidAdvertException.Problem.BAD_VALUE, "role=" + text);
    }
}
