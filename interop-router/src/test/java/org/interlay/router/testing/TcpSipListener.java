package org.interlay.router.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** A raw SIP user agent listening on TCP on 127.0.0.1, for tests: accepts connections one at a time. */
public final class TcpSipListener implements AutoCloseable {
    private final ServerSocket server;

    private TcpSipListener(ServerSocket server) {
        this.server = server;
    }

    public static TcpSipListener open() {
        return openOn(0);
    }

    /** Listens on {@code port} (0: a free one). */
    public static TcpSipListener openOn(int port) {
        try {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return new TcpSipListener(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** A contact URI for {@code user} here, with {@code params} (e.g. {@code ";transport=tcp"}). */
    public String contact(String user, String params) {
        return "sip:" + user + "@127.0.0.1:" + port() + params;
    }

    /** The next connection made to this listener; fails the test when none comes within {@code timeout}. */
    public TcpSipConnection accept(Duration timeout) {
        try {
            server.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            Socket s = server.accept();
            return new TcpSipConnection(s, port());
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no TCP connection within " + timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a test's socket: nothing left to do
        }
    }
}
