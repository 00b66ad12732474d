package org.interlay.router;

/** How a router forwards requests between overlays. */
public enum RelayMode {
    /**
     * Without transaction state (RFC 3261 section 16.11): one copy to the most preferred contact,
     * retransmissions and responses passed on as they come. The fastest, and any router can stand in
     * for another; the stateful agents on either side recover losses.
     */
    STATELESS,
    /** In transactions, forking to every contact and choosing the best response. */
    STATEFUL
}
