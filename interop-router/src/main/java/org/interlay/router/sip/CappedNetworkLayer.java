package org.interlay.router.sip;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The sockets of a JAIN-SIP stack, with its TCP held to the endpoint's {@link TcpConnectionLimits}:
 * the listening socket caps the connections peers open ({@link CappedServerSocket}); every TCP
 * connection, accepted or opened here, is closed by the stack's reader once its peer has been silent
 * for the idle timeout (its read timeout), and a connection attempt gives up after
 * {@value #CONNECT_MILLIS} ms. UDP sockets are the stack's usual ones.
 *
 * <p>Why this and not the stack's NIO transport, which has an idle timer of its own: in JAIN-SIP
 * 1.3.0-91 its outgoing connections are broken (every send opens a new connection, and the first
 * message on it can be lost to a race between the sender and the selector thread; usnistgov/jsip
 * issue 77), and it accepts without limit. Its blocking transport sends reliably, has a limit that
 * stops accepting (which would let silent clients lock every other out) and no idle timeout: both are
 * added here. The stack creates its network layer by class name, so endpoints register their limits
 * under their stack name.
 *
 * <p>TLS sockets come from the {@link SSLContext} an endpoint with credentials registers under its stack
 * name ({@link TlsContexts}): the listening socket requires a client certificate, an outgoing connection
 * gives up after {@value #CONNECT_MILLIS} ms as over TCP, and accepted connections get the idle timeout
 * once their peer's certificate is accepted ({@link PeerCertificateCheck}). A stack without one
 * serves no TLS.
 */
public final class CappedNetworkLayer implements NetworkLayer {
    static final int CONNECT_MILLIS = 2_000;
    private static final Map<String, TcpLimitsOfStack> LIMITS = new ConcurrentHashMap<>();
    private static final Map<String, SSLContext> TLS = new ConcurrentHashMap<>();

    private final NetworkLayer stock = DefaultNetworkLayer.SINGLETON;
    private volatile TcpLimitsOfStack limits;
    private volatile SSLContext tls;

    static void register(String stackName, TcpLimitsOfStack limits) {
        LIMITS.put(stackName, limits);
    }

    static void registerTls(String stackName, SSLContext context) {
        TLS.put(stackName, context);
    }

    static void unregister(String stackName) {
        LIMITS.remove(stackName);
        TLS.remove(stackName);
    }

    @Override
    public void setSipStack(SipStackImpl stack) {
        stock.setSipStack(stack);
        limits = LIMITS.get(stack.getStackName());
        tls = TLS.get(stack.getStackName());
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        TcpLimitsOfStack l = limits;
        if (l == null) return stock.createServerSocket(port, backlog, address);
        ServerSocket socket = new CappedServerSocket(l);
        try {
            socket.bind(new InetSocketAddress(address, port), backlog);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return connect(null, address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return connect(myAddress == null ? null : new InetSocketAddress(myAddress, 0), address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        return connect(myAddress == null ? null : new InetSocketAddress(myAddress, myPort), address, port);
    }

    private Socket connect(InetSocketAddress local, InetAddress address, int port) throws IOException {
        Socket socket = new Socket();
        try {
            if (local != null) socket.bind(local);
            socket.connect(new InetSocketAddress(address, port), CONNECT_MILLIS);
            TcpLimitsOfStack l = limits;
            if (l != null) socket.setSoTimeout(l.idleTimeoutMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return stock.createDatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress address) throws SocketException {
        return stock.createDatagramSocket(port, address);
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress address) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) tlsContext().getServerSocketFactory().createServerSocket(port, backlog, address);
        socket.setNeedClientAuth(true);
        return socket;
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return createSSLSocket(address, port, null);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        SSLContext context = tlsContext();
        Socket plain = connect(myAddress == null ? null : new InetSocketAddress(myAddress, 0), address, port);
        try {
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, address.getHostAddress(), port, true);
            socket.setUseClientMode(true);
            return socket;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private SSLContext tlsContext() throws IOException {
        SSLContext context = tls;
        if (context == null) throw new IOException("TLS is not served: this endpoint has no credentials");
        return context;
    }
}
