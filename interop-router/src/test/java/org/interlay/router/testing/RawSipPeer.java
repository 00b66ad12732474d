package org.interlay.router.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A SIP peer on a raw UDP socket on 127.0.0.1 that sends exactly the text a test writes (good or
 * broken) and reads what comes back; it answers requests as a simple user agent when asked to.
 */
public final class RawSipPeer implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final DatagramSocket socket;

    private RawSipPeer(DatagramSocket socket) {
        this.socket = socket;
    }

    public static RawSipPeer open() {
        try {
            return new RawSipPeer(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** A contact URI for {@code user} at this peer. */
    public String contact(String user) {
        return "sip:" + user + "@127.0.0.1:" + port();
    }

    public void send(String text, InetSocketAddress to) {
        send(text.getBytes(StandardCharsets.UTF_8), to);
    }

    public void send(byte[] data, InetSocketAddress to) {
        try {
            socket.send(new DatagramPacket(data, data.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next message within {@code timeout}, if one comes. */
    public Optional<SipText> poll(Duration timeout) {
        byte[] buffer = new byte[65_536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            socket.receive(packet);
            return Optional.of(SipText.parse(buffer, packet.getLength()));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next message; fails the test when none comes within {@code timeout}. */
    public SipText receive(Duration timeout) {
        return poll(timeout).orElseThrow(() -> new AssertionError("no SIP message within " + timeout));
    }

    /** The next response; requests in between are skipped. */
    public SipText receiveResponse(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) throw new AssertionError("no SIP response within " + timeout);
            SipText m = receive(left);
            if (m.isResponse()) return m;
        }
    }

    /** Answers {@code request} as a user agent server, sent back to the address in its top Via. */
    public void answer(SipText request, int status, String reason) {
        StringJoiner out = new StringJoiner("\r\n", "", "\r\n\r\n");
        out.add("SIP/2.0 " + status + " " + reason);
        request.headers("Via").forEach(v -> out.add("Via: " + v));
        out.add("From: " + request.header("From").orElseThrow());
        String to = request.header("To").orElseThrow();
        out.add("To: " + (to.contains(";tag=") ? to : to + ";tag=" + port()));
        out.add("Call-ID: " + request.header("Call-ID").orElseThrow());
        out.add("CSeq: " + request.header("CSeq").orElseThrow());
        out.add("Content-Length: 0");
        send(out.toString(), topViaAddress(request));
    }

    private static InetSocketAddress topViaAddress(SipText request) {
        String via = request.headers("Via").get(0).split(",")[0]; // the top one of a combined Via line
        String sentBy = via.substring(via.indexOf(' ') + 1).split(";")[0].trim();
        String[] hostPort = sentBy.split(":");
        int port = hostPort.length > 1 ? Integer.parseInt(hostPort[1]) : 5060;
        for (String param : via.split(";")) {
            if (param.trim().startsWith("rport=")) port = Integer.parseInt(param.trim().substring(6));
        }
        return new InetSocketAddress(hostPort[0], port);
    }

    /** A request from this peer, with Via, Max-Forwards, Call-ID, CSeq and Content-Length filled in. */
    public String request(String method, String requestUri, String from, String to, String callId, int cseq,
                          String extraHeaders, String body) {
        String branch = "z9hG4bK-raw-" + COUNTER.incrementAndGet();
        return method + " " + requestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port() + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + from + ">;tag=" + port() + "\r\n"
                + "To: <" + to + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + extraHeaders
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n"
                + body;
    }

    @Override
    public void close() {
        socket.close();
    }
}
