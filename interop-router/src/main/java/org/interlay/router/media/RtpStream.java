package org.interlay.router.media;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.interlay.log.DropLog;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;

/**
 * One side of a call's audio: a UDP port on the user agent's own address that receives the far end's
 * RTP and counts it, and, once the far end's address is known, a stream of PCMU silence to it, one
 * 20 ms packet at a time on the injected scheduler (RFC 3551: payload type 0, 8000 Hz, 160 samples a
 * packet). Datagrams that are not RTP, or that come from another address than the far end's media,
 * are counted as dropped and logged through the one rate-limited log. The media goes straight between
 * the two user agents; no proxy sees it.
 */
public final class RtpStream implements AutoCloseable {
    public static final int PCMU = 0;
    public static final long PACKET_MILLIS = 20;
    static final int SAMPLES_PER_PACKET = 160;
    private static final byte PCMU_SILENCE = (byte) 0xFF;
    private static final int MAX_DATAGRAM = 1500;
    private static final int EVEN_PORT_ATTEMPTS = 16;

    private final DatagramSocket socket;
    private final Scheduler timers;
    private final DropLog drops;
    private final long ssrc;
    private final Thread receiver;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final byte[] silence = new byte[SAMPLES_PER_PACKET];
    private int sequence;
    private long timestamp;
    private volatile InetSocketAddress far;
    private Timer sending;
    private volatile boolean closed;

    private RtpStream(DatagramSocket socket, Scheduler timers, Random random, DropLog drops) {
        this.socket = socket;
        this.timers = timers;
        this.drops = drops;
        this.ssrc = random.nextLong() & 0xFFFF_FFFFL;
        this.sequence = random.nextInt(0x10000);
        this.timestamp = random.nextLong() & 0xFFFF_FFFFL;
        Arrays.fill(silence, PCMU_SILENCE);
        this.receiver = new Thread(this::receive, "rtp-" + socket.getLocalPort());
        receiver.setDaemon(true);
    }

    /**
     * Opens a media port on {@code address} (an even one, as RFC 3550 section 11 recommends, when one
     * is found in a few tries) and starts counting what arrives there; nothing is sent until
     * {@link #sendTo}.
     */
    public static RtpStream open(InetAddress address, Scheduler timers, Random random, DropLog drops) throws IOException {
        DatagramSocket socket = evenPortSocket(address);
        RtpStream stream = new RtpStream(socket, timers, random, drops);
        stream.receiver.start();
        return stream;
    }

    private static DatagramSocket evenPortSocket(InetAddress address) throws SocketException {
        DatagramSocket odd = null;
        for (int i = 0; i < EVEN_PORT_ATTEMPTS; i++) {
            DatagramSocket s = new DatagramSocket(new InetSocketAddress(address, 0));
            if (s.getLocalPort() % 2 == 0) {
                if (odd != null) odd.close();
                return s;
            }
            if (odd == null) {
                odd = s;
            } else {
                s.close();
            }
        }
        return odd;
    }

    /** Where the far end should send its RTP: this stream's address and port. */
    public InetSocketAddress localAddress() {
        return new InetSocketAddress(socket.getLocalAddress(), socket.getLocalPort());
    }

    /** Starts sending to {@code target} (the far end's media address from its session description). */
    public synchronized void sendTo(InetSocketAddress target) {
        if (closed) return;
        far = target;
        if (sending == null) sending = timers.repeat(0, PACKET_MILLIS, this::sendOne);
    }

    private void sendOne() {
        InetSocketAddress to = far;
        if (closed || to == null) return;
        byte[] bytes;
        synchronized (this) {
            bytes = new RtpPacket(PCMU, sequence, timestamp, ssrc, silence).encode();
            sequence = (sequence + 1) & 0xFFFF;
            timestamp = (timestamp + SAMPLES_PER_PACKET) & 0xFFFF_FFFFL;
        }
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
            sent.incrementAndGet();
        } catch (IOException e) {
            if (!closed) drops.drop("send failed", to, e.getMessage());
        }
    }

    private void receive() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                if (!closed) drops.drop("receive failed", localAddress(), e.getMessage());
                return;
            }
            accept(p);
        }
    }

    private void accept(DatagramPacket p) {
        InetSocketAddress from = (InetSocketAddress) p.getSocketAddress();
        InetSocketAddress expected = far;
        if (expected != null && !expected.equals(from)) {
            dropped.incrementAndGet();
            drops.drop("from an address that is not the call's", from, p.getLength() + " bytes");
            return;
        }
        try {
            RtpPacket.decode(p.getData(), p.getLength());
            received.incrementAndGet();
        } catch (RtpFormatException e) {
            dropped.incrementAndGet();
            drops.drop("not RTP", from, e.getMessage());
        }
    }

    public MediaStats stats() {
        return new MediaStats(sent.get(), received.get(), dropped.get());
    }

    /** Stops sending and receiving; the counts stay readable. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
            if (sending != null) sending.cancel();
        }
        socket.close();
        try {
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
