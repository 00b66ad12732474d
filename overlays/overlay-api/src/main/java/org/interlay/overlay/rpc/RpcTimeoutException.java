package org.interlay.overlay.rpc;

import org.interlay.overlay.Address;

/** A request got no response after every retransmission: the peer is gone or unreachable. */
public final class RpcTimeoutException extends RuntimeException {
    private final Address peer;

    public RpcTimeoutException(Address peer, String request) {
        super("no response from " + peer + " to " + request, null, false, false);
        this.peer = peer;
    }

    public Address peer() {
        return peer;
    }
}
