package org.interlay.router.dns;

/** A DNS setting that cannot be used (a key file that is not one, a zone that is not a name); the message says which and why. */
public final class DnsConfigException extends Exception {
    public DnsConfigException(String message) {
        super(message);
    }

    public DnsConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
