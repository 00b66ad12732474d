package org.interlay.router;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.interlay.overlay.Overlay;
import org.interlay.overlay.secure.RecordSigner;
import org.interlay.overlay.secure.SigningOverlay;
import org.interlay.log.DropLog;
import org.interlay.router.bridge.BridgeCoordinator;
import org.interlay.router.bridge.BridgePublisher;
import org.interlay.router.bridge.DomainPair;
import org.interlay.router.bridge.RouterPresence;
import org.interlay.router.directory.DirectoryFinder;
import org.interlay.router.dns.ConventionalDomains;
import org.interlay.router.dns.SipServerLocator;
import org.interlay.router.directory.DomainDirectory;
import org.interlay.router.membership.OverlayJoiner;
import org.interlay.router.offline.OfflineCounts;
import org.interlay.router.proxy.Relay;
import org.interlay.router.proxy.StatefulRelay;
import org.interlay.router.proxy.StatelessRelay;
import org.interlay.router.sip.SipStartException;
import org.interlay.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interop router: one process that is a member of several overlays, a node in each, and serves
 * all their domains through one SIP endpoint. A request for a user of any of them is routed by a
 * lookup in that user's overlay, whichever overlay it came from; a domain it does not serve gets
 * 503 (its overlay is known but not joined) or 404 (no overlay serves it). Routers agree through a
 * {@link BridgeCoordinator} which of them bridges each pair of overlays; the one assigned writes a
 * bridge record into both, which is how peers find their way to the other domain.
 */
public final class Router implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Router.class);
    /**
     * How long the overlays are left for, all at once, before the router stops anyway. On a LAN a
     * hand-over takes milliseconds; a neighbour that crashed unnoticed would keep it waiting for the
     * RPC layer to give up on it (2.1 s by default) and then some.
     */
    static final long LEAVE_WITHIN_MILLIS = 1_500;

    private final RouterConfig config;
    private final SipServer server;
    private final ServedDomains served;
    private final RouterMemberships memberships;
    private final BridgeCoordinator coordinator;
    private final BridgePublisher publisher;
    private final DomainServices services;
    private final List<Consumer<Set<DomainPair>>> bridgeListeners = new CopyOnWriteArrayList<>();

    private Router(RouterConfig config, SipServer server, ServedDomains served, RouterMemberships memberships,
                   BridgeCoordinator coordinator, BridgePublisher publisher, DomainServices services) {
        this.services = services;
        this.config = config;
        this.server = server;
        this.served = served;
        this.memberships = memberships;
        this.coordinator = coordinator;
        this.publisher = publisher;
    }

    /**
     * Starts the router: binds its SIP endpoint, joins the overlays of its domains that the directory
     * knows (waiting for those first attempts), and takes part in the coordination of bridges. Its
     * timers run on a thread of its own.
     */
    public static Router start(RouterConfig config, DomainDirectory directory, OverlayJoiner joiner,
                               BridgeCoordinator coordinator) throws SipStartException {
        return start(config, directory, joiner, coordinator, SipServer.open(config.endpoint()), null);
    }

    /**
     * As {@link #start(RouterConfig, DomainDirectory, OverlayJoiner, BridgeCoordinator)}; requests for
     * domains that no overlay serves go to the servers {@code conventional} finds in DNS (RFC 3263).
     */
    public static Router start(RouterConfig config, DomainDirectory directory, OverlayJoiner joiner,
                               BridgeCoordinator coordinator, SipServerLocator conventional) throws SipStartException {
        return start(config, directory, joiner, coordinator, SipServer.open(config.endpoint()), conventional);
    }

    /** Starts the router with its timers (failover, bridge refresh, rejoining) on {@code timers}, which stays the caller's. */
    public static Router start(RouterConfig config, DomainDirectory directory, OverlayJoiner joiner,
                               BridgeCoordinator coordinator, Scheduler timers) throws SipStartException {
        return start(config, directory, joiner, coordinator, SipServer.open(config.endpoint(), timers), null);
    }

    private static Router start(RouterConfig config, DomainDirectory directory, OverlayJoiner joiner,
                                BridgeCoordinator coordinator, SipServer server, SipServerLocator conventional) {
        String uri = "sip:" + server.self();
        // peers reach a secure router over TLS: its bridge records name its TLS listening point
        String bridgeUri = server.endpoint().tlsUri().map(Object::toString).orElse(uri);
        ServedDomains served = new ServedDomains();
        Optional<RecordSigner> signer = config.signing().map(c -> new RecordSigner(c, server.wall()));
        // with credentials, whatever the router writes in an overlay (bridge records, offline messages) is signed
        UnaryOperator<Overlay> writer = o -> signer.<Overlay>map(s -> new SigningOverlay(o, s)).orElse(o);
        BridgePublisher publisher = new BridgePublisher(config.routerId(), bridgeUri,
                domain -> served.find(domain).map(ServedDomain::overlay), server.wall(), config.bridgeTtl(),
                config.bridgeRefresh(), server.timers());
        RouterMemberships memberships = new RouterMemberships(config.domains(), directory, joiner, writer, served,
                config.policies(), server.wall(), list -> coordinator.update(new RouterPresence(config.routerId(), uri, list)));
        DomainServices services = new DomainServices(server, served, config.policies());
        Relay localRelay = config.relayMode() == RelayMode.STATELESS
                ? new StatelessRelay(server.sender(), server.copies())
                : new StatefulRelay(server.sender(), server.copies(), server.timers());
        AgentChain.serve(server, served, services, config.policies(), localRelay,
                ConventionalDomains.around(new DirectoryFinder(directory, served::serves), conventional), Optional.empty());
        Router router = new Router(config, server, served, memberships, coordinator, publisher, services);
        coordinator.start(new RouterPresence(config.routerId(), uri, memberships.current()), router::assign);
        memberships.joinMissing().join();
        long period = config.rejoinPeriod().toMillis();
        server.timers().repeat(period, period, memberships::joinMissing);
        log.info("router {} on udp and tcp {}{} serving {} of {}", config.routerId(), server.self(),
                server.endpoint().tlsAddress().map(a -> ", tls " + a.getAddress().getHostAddress() + ":" + a.getPort()).orElse(""),
                memberships.joinedDomains(), config.domains());
        return router;
    }

    public String routerId() {
        return config.routerId();
    }

    public InetSocketAddress sipAddress() {
        return server.endpoint().localAddress();
    }

    /** The domains whose overlays this router has joined. */
    public Set<String> servedDomains() {
        return memberships.joinedDomains();
    }

    /** Takes the pairs the coordinator assigns, then tells the listeners. */
    private synchronized void assign(Set<DomainPair> pairs) {
        publisher.assign(pairs);
        bridgeListeners.forEach(l -> l.accept(publisher.assigned()));
    }

    /**
     * Adds a listener told the pairs this router bridges: at once, then each time the coordinator
     * gives it pairs or takes them away (an empty set: it is a standby).
     */
    public synchronized void onBridgesChanged(Consumer<Set<DomainPair>> listener) {
        bridgeListeners.add(listener);
        listener.accept(publisher.assigned());
    }

    /** The pairs of domains this router is bridging now (empty for a standby). */
    public Set<DomainPair> bridgedPairs() {
        return publisher.assigned();
    }

    /** What happened so far to messages this router kept for offline users of the domains it serves. */
    public OfflineCounts.Snapshot offlineMessages() {
        return services.mailboxes().counts().snapshot();
    }

    /** Where the router takes TLS from agents and routers of its trust domain, if it has credentials. */
    public Optional<InetSocketAddress> tlsAddress() {
        return server.endpoint().tlsAddress();
    }

    /** Whether it runs secure: with credentials, TLS to its peers and identities required. */
    public boolean secure() {
        return server.endpoint().tlsAddress().isPresent();
    }

    /** Requests refused, and P-Asserted-Identity removed, because the identity was not proved (by kind). */
    public DropLog identityRefusals() {
        return server.identityRefusals();
    }

    /** TLS peers refused in the handshake (a certificate not of this authority, of another role, expired). */
    public long tlsRefusals() {
        return server.endpoint().tlsRefusals().count();
    }

    public long malformedInput() {
        return server.endpoint().malformedInput().count();
    }

    /**
     * Stops gracefully: withdraws from coordination, leaves every overlay at once (handing its
     * records over, within {@value #LEAVE_WITHIN_MILLIS} ms, then halting what has not left), stops SIP.
     */
    @Override
    public void close() {
        coordinator.close();
        publisher.close();
        List<CompletableFuture<Void>> leaving = new ArrayList<>();
        for (ServedDomain d : served.all()) leaving.add(d.overlay().leave());
        try {
            CompletableFuture.allOf(leaving.toArray(CompletableFuture[]::new)).get(LEAVE_WITHIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.debug("router {} left its overlays uncleanly: {}", config.routerId(), e.toString());
            served.all().forEach(d -> d.overlay().halt());
        }
        services.close();
        server.close();
    }

    /** Stops at once, as a crash would: no hand-over of records, no goodbyes beyond what the group does on close. */
    public void halt() {
        services.close();
        server.close();
        publisher.close();
        served.all().forEach(d -> d.overlay().halt());
        coordinator.close();
    }
}
