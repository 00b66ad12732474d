package org.interlay.harness.peer;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.interlay.discovery.AdvertKey;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.LanDiscovery;
import org.interlay.discovery.NodeRole;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.OverlayEntry;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.secure.OverlayTrust;
import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.time.EventLoop;
import org.interlay.overlay.transport.UdpTransport;
import org.interlay.router.membership.InstalledAlgorithms;

/**
 * A running overlay peer: its overlay node on UDP, joined through the given peers, through peers that
 * discovery knows of, or as the first node of a new overlay; and its advert, so others find it.
 */
public final class OverlayPeer implements AutoCloseable {
    /** How long {@link #close()} leaves for: a hand-over on a LAN takes milliseconds. */
    public static final Duration LEAVE_WITHIN = Duration.ofMillis(1_500);
    private final PeerSpec spec;
    private final OverlayNode node;
    private final LanDiscovery discovery;
    private final AdvertKey advertKey;
    private final boolean created;
    private List<HostPort> sipEntryPoints = List.of();
    private InetSocketAddress sipEntryPoint;

    private OverlayPeer(PeerSpec spec, OverlayNode node, LanDiscovery discovery, boolean created) {
        this.spec = spec;
        this.node = node;
        this.discovery = discovery;
        this.created = created;
        this.advertKey = new AdvertKey(spec.overlay(), spec.nodeId());
    }

    /**
     * Starts the node and joins. With no bootstrap peers given, waits up to {@code discoveryWait} for
     * discovery to name some; if none turn up, the node creates the overlay. Refuses a domain that
     * discovery knows another overlay to serve ({@link DomainOwnership}).
     */
    public static OverlayPeer start(PeerSpec spec, EventLoop loop, LanDiscovery discovery, Duration discoveryWait,
                                    Duration joinLimit) throws InterruptedException {
        return start(spec, loop, discovery, discoveryWait, joinLimit, Optional.empty());
    }

    /**
     * As {@link #start(PeerSpec, EventLoop, LanDiscovery, Duration, Duration)}; with {@code trust}, a node of a
     * secure overlay: its id is its certificate's node-id, and its frames are signed and checked.
     */
    public static OverlayPeer start(PeerSpec spec, EventLoop loop, LanDiscovery discovery, Duration discoveryWait,
                                    Duration joinLimit, Optional<OverlayTrust> trust) throws InterruptedException {
        OverlayAlgorithm algorithm = InstalledAlgorithms.implementation(spec.algorithm());
        List<Address> boot = spec.bootstrap().isEmpty() && discovery != null
                ? discoveredPeers(spec, discovery, discoveryWait) : spec.bootstrap();
        if (discovery != null) DomainOwnership.check(discovery.directory(), spec.overlay(), spec.domain());
        UdpTransport transport = new UdpTransport(loop, new InetSocketAddress(spec.bind(), spec.port()));
        NodeConfig config = trust.map(t -> NodeConfig.defaults(spec.overlay()).withTrust(t)).orElse(NodeConfig.defaults(spec.overlay()));
        Key id = trust.map(OverlayTrust::nodeId).orElse(Key.hash(spec.overlay() + "/" + transport.localAddress()));
        OverlayNode node;
        try {
            node = new OverlayNode(algorithm, config, id, transport, loop, new Random());
        } catch (IllegalArgumentException e) {
            transport.close();
            throw e;
        }
        try {
            node.join(boot).get(joinLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            node.halt();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("could not join " + spec.overlay() + " through " + boot + ": "
                    + cause.getMessage(), cause);
        }
        OverlayPeer peer = new OverlayPeer(spec.namedFor(transport.localAddress().port()), node, discovery, boot.isEmpty());
        peer.advertise();
        return peer;
    }

    private static List<Address> discoveredPeers(PeerSpec spec, LanDiscovery discovery, Duration wait)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<OverlayEntry> entry;
        while ((entry = discovery.directory().overlay(spec.overlay())).isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        if (entry.isEmpty()) return List.of();
        if (!entry.get().algorithm().equals(spec.algorithm())) {
            throw new IllegalArgumentException("overlay " + spec.overlay() + " on this network runs "
                    + entry.get().algorithm() + ", not " + spec.algorithm());
        }
        List<Address> peers = new ArrayList<>();
        for (HostPort hp : entry.get().bootstrapPeers()) peers.add(Address.parse(hp.host() + ":" + hp.port()));
        return peers;
    }

    /** Publishes (or republishes) this peer's advert; no-op without discovery. */
    public void advertise() {
        if (discovery == null) return;
        Address self = node.self().address();
        discovery.advertise(OverlayAdvert.of(spec.overlay(), spec.algorithm(), spec.domain(),
                List.of(new HostPort(self.host(), self.port())), sipEntryPoints, NodeRole.PEER, spec.nodeId()));
    }

    /** Adds the SIP agent's address to the advert. */
    public void announceSipEntryPoint(InetSocketAddress sip) {
        sipEntryPoint = sip;
        sipEntryPoints = List.of(new HostPort(sip.getAddress().getHostAddress(), sip.getPort()));
        advertise();
    }

    /** The SIP agent this peer announced, if any. */
    public Optional<InetSocketAddress> sipEntryPoint() {
        return Optional.ofNullable(sipEntryPoint);
    }

    public OverlayNode node() {
        return node;
    }

    public PeerSpec spec() {
        return spec;
    }

    /** True when this peer made a new overlay rather than joining one. */
    public boolean created() {
        return created;
    }

    /**
     * Withdraws the advert, leaves gracefully (hands its records over, all at once), stops; halts
     * if the leave has not ended within {@code limit} (a neighbour that crashed unnoticed keeps a
     * leave waiting for the RPC layer to give up on it).
     */
    public void close(Duration limit) {
        if (discovery != null) discovery.withdraw(advertKey);
        try {
            node.leave().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            node.halt();
        }
    }

    /** {@link #close(Duration)} within {@link #LEAVE_WITHIN}. */
    @Override
    public void close() {
        close(LEAVE_WITHIN);
    }

    /** Stops at once, as a crash would: no goodbye, no hand-over (fault injection). */
    public void kill() {
        if (discovery != null) discovery.withdraw(advertKey);
        node.halt();
    }
}
