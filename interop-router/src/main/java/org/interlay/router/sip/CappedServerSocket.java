package org.interlay.router.sip;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The TCP listening socket of an endpoint: keeps at most {@code limits.maxInbound()} accepted
 * connections, closing the one silent longest when one more arrives at the cap (counted and logged
 * through the drop log), and gives each accepted connection the idle timeout as its read timeout, so
 * the stack's reader closes a connection whose peer has said nothing for that long.
 */
final class CappedServerSocket extends ServerSocket {
    private final TcpLimitsOfStack limits;
    private final List<TrackedSocket> accepted = new ArrayList<>();

    CappedServerSocket(TcpLimitsOfStack limits) throws IOException {
        this.limits = limits;
    }

    @Override
    public Socket accept() throws IOException {
        TrackedSocket socket = new TrackedSocket(limits.clock());
        implAccept(socket);
        socket.setSoTimeout(limits.idleTimeoutMillis());
        TrackedSocket victim = null;
        synchronized (accepted) {
            accepted.removeIf(Socket::isClosed);
            if (accepted.size() >= limits.maxInbound()) {
                victim = accepted.stream().min(Comparator.comparingLong(TrackedSocket::lastActivityMillis)).orElseThrow();
                accepted.remove(victim);
            }
            accepted.add(socket);
        }
        if (victim != null) {
            limits.evictions().drop("TCP connections at the cap", victim.getRemoteSocketAddress(),
                    "closed the connection silent longest to accept one more (at most " + limits.maxInbound() + ")");
            victim.close();
        }
        return socket;
    }

    /** Accepted connections still open. */
    int openConnections() {
        synchronized (accepted) {
            accepted.removeIf(Socket::isClosed);
            return accepted.size();
        }
    }
}
