package org.interlay.router.media;

/** A session description this user agent cannot take: it is answered 488 Not Acceptable Here. */
public final class MediaRefusedException extends Exception {
    public MediaRefusedException(String message) {
        super(message);
    }
}
