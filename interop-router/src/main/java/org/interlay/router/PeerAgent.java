package org.interlay.router;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Optional;
import org.interlay.log.DropLog;
import org.interlay.overlay.Overlay;
import org.interlay.overlay.secure.RecordSigner;
import org.interlay.overlay.secure.SigningOverlay;
import org.interlay.router.auth.DigestAuthentication;
import org.interlay.router.auth.DigestGate;
import org.interlay.router.auth.Nonces;
import org.interlay.router.bridge.BridgeFinder;
import org.interlay.router.offline.OfflineCounts;
import org.interlay.router.dns.ConventionalDomains;
import org.interlay.router.dns.SipServerLocator;
import org.interlay.router.bridge.RouterRoster;
import org.interlay.router.proxy.StatefulRelay;
import org.interlay.router.sip.SipStartException;
import org.interlay.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP agent of one overlay peer: registrar and stateful proxy for the overlay's domain, with the
 * bindings kept in the overlay, and the way out to other domains through the routers that bridge
 * them. Every peer of an overlay may run one; any of them serves any user of the domain.
 */
public final class PeerAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PeerAgent.class);
    private final SipServer server;
    private final ServedDomain domain;
    private final DomainServices services;
    private final DigestGate gate;

    private PeerAgent(SipServer server, ServedDomain domain, DomainServices services, DigestGate gate) {
        this.server = server;
        this.domain = domain;
        this.services = services;
        this.gate = gate;
    }

    /** Starts an agent for {@code overlay}'s peer, serving {@code config.domain()}, with a timer thread of its own. */
    public static PeerAgent start(Overlay overlay, SipAgentConfig config) throws SipStartException {
        return start(overlay, config, SipServer.open(config.endpoint()), RouterRoster.UNKNOWN, null);
    }

    /** Starts an agent whose timers (failover, expiry, refreshes) run on {@code timers}, which stays the caller's. */
    public static PeerAgent start(Overlay overlay, SipAgentConfig config, Scheduler timers) throws SipStartException {
        return start(overlay, config, SipServer.open(config.endpoint(), timers), RouterRoster.UNKNOWN, null);
    }

    /**
     * Starts an agent that knows the live routers ({@code routers}, e.g. {@code DiscoveredRouters}), so a
     * request for a domain no router is left to bridge gets 503 at once.
     */
    public static PeerAgent start(Overlay overlay, SipAgentConfig config, RouterRoster routers) throws SipStartException {
        return start(overlay, config, SipServer.open(config.endpoint()), routers, null);
    }

    /** Starts an agent that knows the live routers, with its timers on {@code timers}, which stays the caller's. */
    public static PeerAgent start(Overlay overlay, SipAgentConfig config, Scheduler timers, RouterRoster routers)
            throws SipStartException {
        return start(overlay, config, SipServer.open(config.endpoint(), timers), routers, null);
    }

    /**
     * As {@link #start(Overlay, SipAgentConfig, RouterRoster)}; requests for domains that no overlay
     * serves go to the servers {@code conventional} finds for them in DNS (RFC 3263).
     */
    public static PeerAgent start(Overlay overlay, SipAgentConfig config, RouterRoster routers, SipServerLocator conventional)
            throws SipStartException {
        return start(overlay, config, SipServer.open(config.endpoint()), routers, conventional);
    }

    private static PeerAgent start(Overlay overlay, SipAgentConfig config, SipServer server, RouterRoster routers,
                                   SipServerLocator conventional) {
        ServedDomains served = new ServedDomains();
        Overlay writer = config.signing()
                .<Overlay>map(c -> new SigningOverlay(overlay, new RecordSigner(c, server.wall()))).orElse(overlay);
        ServedDomain domain = ServedDomain.of(config.domain(), writer, config.policies(), server.wall());
        served.add(domain);
        DigestGate gate = config.authentication() == null ? null : gate(config.authentication(), server);
        DomainServices services = new DomainServices(server, served, config.policies(), Optional.ofNullable(gate));
        AgentChain.serve(server, served, services, config.policies(),
                new StatefulRelay(server.sender(), server.copies(), server.timers()),
                ConventionalDomains.around(new BridgeFinder(overlay, served::serves, routers, config.policies().cacheTtl(), server.timers()),
                        conventional), Optional.of(domain.name()));
        log.info("SIP agent for {} on udp and tcp {}{}{}", config.domain(), server.self(),
                server.endpoint().tlsAddress().map(a -> ", tls " + a.getAddress().getHostAddress() + ":" + a.getPort()).orElse(""),
                gate == null ? ", open: it authenticates nobody"
                : ", authenticating " + config.authentication().users().size() + " users by digest ("
                + config.authentication().offered().stream().map(a -> a.sipName()).collect(java.util.stream.Collectors.joining(", ")) + ")");
        return new PeerAgent(server, domain, services, gate);
    }

    private static DigestGate gate(DigestAuthentication authentication, SipServer server) {
        String realm = authentication.users().realm();
        return new DigestGate(authentication.users(), authentication.offered(), Nonces.random(new SecureRandom(), realm, authentication.nonceLifetime()),
                server.wall(), new DropLog(log, "bad credentials for " + realm, server.timers(), 10_000));
    }

    /** Digest authentication so far (challenges, refusals, users authenticated); empty when the agent authenticates nobody. */
    public Optional<DigestGate.Counts> authentication() {
        return Optional.ofNullable(gate).map(DigestGate::counts);
    }

    public String domain() {
        return domain.name();
    }

    /** Where the agent takes SIP requests. */
    public InetSocketAddress sipAddress() {
        return server.endpoint().localAddress();
    }

    /** Where the agent takes TLS from routers and agents of its trust domain, if it has credentials. */
    public Optional<InetSocketAddress> tlsAddress() {
        return server.endpoint().tlsAddress();
    }

    /** Requests refused, and P-Asserted-Identity removed, because the identity was not proved (by kind). */
    public DropLog identityRefusals() {
        return server.identityRefusals();
    }

    /** TLS peers refused in the handshake (a certificate not of this authority, of another role, expired). */
    public long tlsRefusals() {
        return server.endpoint().tlsRefusals().count();
    }

    /** Presence subscriptions this agent holds as notifier. */
    public int subscriptions() {
        return services.presence().subscriptions();
    }

    /** What happened so far to messages kept for offline users: stored, delivered, dropped, ... */
    public OfflineCounts.Snapshot offlineMessages() {
        return services.mailboxes().counts().snapshot();
    }

    /** Malformed requests refused or dropped so far. */
    public long malformedInput() {
        return server.endpoint().malformedInput().count();
    }

    /** TCP connections closed so far because peers held as many as the agent keeps. */
    public long tcpEvictions() {
        return server.endpoint().tcpEvictions().count();
    }

    /** Stops serving SIP; the overlay peer is the caller's to stop. */
    @Override
    public void close() {
        services.close();
        server.close();
    }
}
