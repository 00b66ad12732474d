package org.interlay.trust;

import java.security.SecureRandom;
import java.util.Base64;

/** Random passwords: 144 bits as 24 characters of base64url (letters, digits, '-', '_'), easy to type and to put in a file. */
public final class Passwords {
    /** Random bytes in a password. */
    public static final int BYTES = 18;

    private Passwords() {
    }

    public static String random(SecureRandom random) {
        byte[] b = new byte[BYTES];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
