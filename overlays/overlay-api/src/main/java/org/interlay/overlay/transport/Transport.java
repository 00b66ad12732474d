package org.interlay.overlay.transport;

import org.interlay.overlay.Address;

/**
 * Sends and receives datagrams: unreliable, unordered, each at most
 * {@link org.interlay.overlay.wire.FrameCodec#MAX_DATAGRAM} bytes. {@link UdpTransport} puts them
 * on real sockets; the simulator's network keeps them in memory. Faults (loss, delay, partition)
 * are decorators of this interface, never branches in overlay code.
 */
public interface Transport extends AutoCloseable {
    Address localAddress();

    /** Sends one datagram; never blocks and never throws for a peer that is gone. */
    void send(Address to, byte[] datagram);

    /** Where received datagrams go; set once, before traffic starts. */
    void setHandler(DatagramHandler handler);

    @Override
    void close();
}
