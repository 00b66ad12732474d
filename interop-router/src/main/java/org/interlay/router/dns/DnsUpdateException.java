package org.interlay.router.dns;

/** A DNS server refused an update, with its response code. */
public final class DnsUpdateException extends RuntimeException {
    public DnsUpdateException(String message) {
        super(message);
    }
}
