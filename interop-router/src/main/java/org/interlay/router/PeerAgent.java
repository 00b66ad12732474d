package org.interlay.router;

import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sip.message.Request;
import org.interlay.overlay.Overlay;
import org.interlay.router.bridge.BridgeFinder;
import org.interlay.router.proxy.ProxyHandler;
import org.interlay.router.proxy.RegisteredContacts;
import org.interlay.router.proxy.StatefulRelay;
import org.interlay.router.sip.SipHandler;
import org.interlay.router.sip.SipStartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP agent of one overlay peer: registrar and stateful proxy for the overlay's domain, with the
 * bindings kept in the overlay, and the way out to other domains through the routers that bridge
 * them. Every peer of an overlay may run one; any of them serves any user of the domain.
 */
public final class PeerAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PeerAgent.class);
    static final Set<String> PROXIED = Set.of(Request.MESSAGE, Request.SUBSCRIBE, Request.NOTIFY, Request.PUBLISH,
            Request.OPTIONS, Request.INFO);

    private final SipServer server;
    private final ServedDomain domain;
    private final DomainServices services;

    private PeerAgent(SipServer server, ServedDomain domain, DomainServices services) {
        this.server = server;
        this.domain = domain;
        this.services = services;
    }

    /** Starts an agent for {@code overlay}'s peer, serving {@code config.domain()}. */
    public static PeerAgent start(Overlay overlay, SipAgentConfig config) throws SipStartException {
        return start(overlay, config, InstantSource.system());
    }

    static PeerAgent start(Overlay overlay, SipAgentConfig config, InstantSource clock) throws SipStartException {
        SipServer server = SipServer.open(config.endpoint());
        ServedDomains served = new ServedDomains();
        ServedDomain domain = ServedDomain.of(config.domain(), overlay, config.policies(), clock);
        served.add(domain);
        DomainServices services = new DomainServices(server, served, config.policies(), clock);
        List<SipHandler> chain = new ArrayList<>(services.handlers());
        StatefulRelay relay = new StatefulRelay(server.sender(), server.copies());
        chain.add(new ProxyHandler(PROXIED, new RegisteredContacts(served::location, clock), relay, server.loopGuard(),
                config.policies().failover(), server.timers()));
        Set<String> bridged = new HashSet<>(PROXIED);
        bridged.add(Request.REGISTER);
        chain.add(new ProxyHandler(bridged, new BridgeFinder(overlay, served::serves, config.policies().cacheTtl()), relay,
                server.loopGuard(), config.policies().failover(), server.timers()));
        server.serve(chain, List.of(Request.REGISTER, Request.MESSAGE, Request.PUBLISH, Request.SUBSCRIBE,
                Request.NOTIFY, Request.OPTIONS));
        log.info("SIP agent for {} on udp {}", config.domain(), server.self());
        return new PeerAgent(server, domain, services);
    }

    public String domain() {
        return domain.name();
    }

    /** Where the agent takes SIP requests. */
    public InetSocketAddress sipAddress() {
        return server.endpoint().localAddress();
    }

    /** Presence subscriptions this agent holds as notifier. */
    public int subscriptions() {
        return services.presence().subscriptions();
    }

    /** Malformed requests refused or dropped so far. */
    public long malformedInput() {
        return server.endpoint().malformedInput().count();
    }

    /** Stops serving SIP; the overlay peer is the caller's to stop. */
    @Override
    public void close() {
        services.close();
        server.close();
    }
}
