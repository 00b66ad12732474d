package org.interlay.router.sip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.interlay.trust.CertifiedIdentity;

/**
 * The identities of the peers at the other end of this endpoint's TLS connections, by the peer's
 * address and port, as their certificates were verified in the handshake. A message read from a
 * connection is read after its handshake, so the entry for its peer's address is that connection's;
 * a new connection from the same address and port replaces the entry. The oldest entries are
 * forgotten beyond {@code capacity} (connections long closed).
 */
public final class TlsPeers {
    private final Map<InetSocketAddress, CertifiedIdentity> peers;

    public TlsPeers(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.peers = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, CertifiedIdentity> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records the verified identity of the peer at {@code address}:{@code port}. */
    public synchronized void verified(InetAddress address, int port, CertifiedIdentity identity) {
        InetSocketAddress key = new InetSocketAddress(address, port);
        peers.remove(key);
        peers.put(key, identity);
    }

    /** The identity the peer at {@code address}:{@code port} proved in its handshake, if one did. */
    public synchronized Optional<CertifiedIdentity> identityOf(InetAddress address, int port) {
        return Optional.ofNullable(peers.get(new InetSocketAddress(address, port)));
    }

    public synchronized int size() {
        return peers.size();
    }
}
