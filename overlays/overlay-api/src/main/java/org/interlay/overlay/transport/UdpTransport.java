package org.interlay.overlay.transport;

import org.interlay.time.EventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.concurrent.atomic.AtomicLong;
import org.interlay.overlay.Address;
import org.interlay.overlay.wire.FrameCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real UDP datagrams on a non-blocking channel served by an {@link EventLoop}. Binds to the address
 * it is given; callers default to 127.0.0.1 (see {@link #onLoopback}), so nothing leaves the host
 * unless a user asks for an interface.
 */
public final class UdpTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(UdpTransport.class);
    private static final int SOCKET_BUFFER = 4 * 1024 * 1024;
    private static final int MAX_BATCH = 256;

    private final DatagramChannel channel;
    private final EventLoop loop;
    private final Address local;
    private final ByteBuffer receiveBuffer = ByteBuffer.allocate(FrameCodec.MAX_DATAGRAM + 1);
    private final AtomicLong sendErrors = new AtomicLong();
    private volatile DatagramHandler handler = (from, data, offset, length) -> { };

    public UdpTransport(EventLoop loop, InetSocketAddress bind) {
        this.loop = loop;
        try {
            channel = DatagramChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
            channel.bind(bind);
            local = Address.of((InetSocketAddress) channel.getLocalAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind UDP on " + bind, e);
        }
        loop.register(channel, this::readAll);
    }

    /** A transport on 127.0.0.1; port 0 picks a free one. */
    public static UdpTransport onLoopback(EventLoop loop, int port) {
        return new UdpTransport(loop, new InetSocketAddress("127.0.0.1", port));
    }

    @Override
    public Address localAddress() {
        return local;
    }

    @Override
    public void send(Address to, byte[] datagram) {
        try {
            channel.send(ByteBuffer.wrap(datagram), to.toSocketAddress());
        } catch (IOException e) {
            // A full buffer or an unreachable port loses the datagram, as UDP may; retransmission covers it.
            if (sendErrors.getAndIncrement() == 0) log.debug("send to {} failed: {}", to, e.toString());
        }
    }

    @Override
    public void setHandler(DatagramHandler handler) {
        this.handler = handler;
    }

    private void readAll(SelectionKey key) {
        try {
            InetSocketAddress from;
            // A bounded batch per wake-up, so one flooded socket cannot starve the others on the loop.
            for (int i = 0; i < MAX_BATCH && (from = (InetSocketAddress) channel.receive(receiveBuffer.clear())) != null; i++) {
                receiveBuffer.flip();
                byte[] copy = new byte[receiveBuffer.remaining()];
                receiveBuffer.get(copy);
                Address sender;
                try {
                    sender = Address.of(from);
                } catch (IllegalArgumentException notIpv4) {
                    continue;
                }
                handler.onDatagram(sender, copy, 0, copy.length);
            }
        } catch (IOException e) {
            log.debug("receive on {} failed: {}", local, e.toString());
        }
    }

    public long sendErrors() {
        return sendErrors.get();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing {}", local, e);
        }
    }

    public EventLoop loop() {
        return loop;
    }
}
