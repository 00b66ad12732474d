package org.interlay.router.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One TCP connection speaking SIP as raw text, for tests: sends exactly what a test writes and reads
 * messages framed by their Content-Length (RFC 3261 section 18.3). Requests it builds carry a TCP Via
 * naming {@code viaPort} (where the peer listens, or the connection's own port).
 */
public final class TcpSipConnection implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final Socket socket;
    private final InputStream in;
    private final int viaPort;

    TcpSipConnection(Socket socket, int viaPort) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.viaPort = viaPort;
    }

    /** A connection from 127.0.0.1 to {@code to}, whose requests name its own port in their Via. */
    public static TcpSipConnection connect(InetSocketAddress to) {
        try {
            Socket s = new Socket();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            s.connect(to, 2_000);
            return new TcpSipConnection(s, s.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    public void send(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next message within {@code timeout}; empty when none came. */
    public Optional<SipText> poll(Duration timeout) {
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!endsWithBlankLine(head)) {
                int b = in.read();
                if (b < 0) throw new IOException("the connection was closed");
                if (head.size() == 0 && (b == '\r' || b == '\n')) continue; // keep-alive CRLFs
                head.write(b);
            }
            SipText headers = SipText.parse(head.toByteArray(), head.size());
            int length = headers.header("Content-Length").map(String::trim).map(Integer::parseInt).orElse(0);
            byte[] body = in.readNBytes(length);
            byte[] all = new byte[head.size() + body.length];
            System.arraycopy(head.toByteArray(), 0, all, 0, head.size());
            System.arraycopy(body, 0, all, head.size(), body.length);
            return Optional.of(SipText.parse(all, all.length));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream head) {
        byte[] b = head.toByteArray();
        int n = b.length;
        return n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n';
    }

    public SipText receive(Duration timeout) {
        return poll(timeout).orElseThrow(() -> new AssertionError("no SIP message on TCP within " + timeout));
    }

    /**
     * True once the other side has closed the connection (a read ends the stream or fails), waiting at
     * most {@code timeout}; what arrives before is skipped.
     */
    public boolean closedByPeerWithin(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[4096];
        try {
            while (System.nanoTime() < deadline) {
                socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                try {
                    if (in.read(buffer) < 0) return true;
                } catch (SocketTimeoutException e) {
                    return false;
                }
            }
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** Answers {@code request} on this connection, as a user agent server. */
    public void answer(SipText request, int status, String reason) {
        StringJoiner out = new StringJoiner("\r\n", "", "\r\n\r\n");
        out.add("SIP/2.0 " + status + " " + reason);
        request.headers("Via").forEach(v -> out.add("Via: " + v));
        out.add("From: " + request.header("From").orElseThrow());
        String to = request.header("To").orElseThrow();
        out.add("To: " + (to.contains(";tag=") ? to : to + ";tag=" + viaPort));
        out.add("Call-ID: " + request.header("Call-ID").orElseThrow());
        out.add("CSeq: " + request.header("CSeq").orElseThrow());
        out.add("Content-Length: 0");
        send(out.toString());
    }

    /** A request with a TCP Via, Max-Forwards, Call-ID, CSeq and Content-Length filled in. */
    public String request(String method, String requestUri, String from, String to, String callId, int cseq,
                          String extraHeaders, String body) {
        return method + " " + requestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:" + viaPort + ";branch=z9hG4bK-tcp-" + COUNTER.incrementAndGet() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + from + ">;tag=" + viaPort + "\r\n"
                + "To: <" + to + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + extraHeaders
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n"
                + body;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test's socket: nothing left to do
        }
    }
}
