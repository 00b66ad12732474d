package org.interlay.overlay.transport;

import org.interlay.overlay.Address;

/** Receives datagrams, on the scheduler thread of the transport. The array is not kept by the caller. */
@FunctionalInterface
public interface DatagramHandler {
    void onDatagram(Address from, byte[] data, int offset, int length);
}
