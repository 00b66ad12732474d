package org.interlay.shell;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.interlay.discovery.LanDiscovery;
import org.interlay.harness.peer.OverlayPeer;
import org.interlay.harness.peer.PeerSpec;
import org.interlay.router.PeerAgent;
import org.interlay.router.SipAgentConfig;
import org.interlay.router.auth.DigestAuthentication;
import org.interlay.router.directory.DiscoveredRouters;
import org.interlay.router.dns.DnsPublishing;
import org.interlay.router.dns.DnsUpdateTarget;
import org.interlay.router.dns.SipServerLocator;
import org.interlay.router.sip.SipEndpointConfig;
import org.interlay.router.sip.SipStartException;
import org.interlay.router.sip.SipTls;
import org.interlay.time.Scheduler;

/** What a peer runs beside its overlay node: its SIP agent, when asked for one, published in DNS when asked. */
final class PeerServices implements AutoCloseable {
    private final PeerAgent agent;
    private final DnsPublishing dns;

    private PeerServices(PeerAgent agent, DnsPublishing dns) {
        this.agent = agent;
        this.dns = dns;
    }

    /**
     * Starts the SIP agent, which learns from {@code discovery} which routers are live, and publishes
     * it in {@code dns} when given; with {@code authentication}, it challenges the domain's users. With
     * {@code tls} (agent credentials) it also takes TLS from the routers and agents of their authority, and
     * requires asserted identities.
     */
    static PeerServices start(OverlayPeer peer, PeerSpec spec, LanDiscovery discovery, Optional<DnsUpdateTarget> dns,
                              Optional<SipServerLocator> conventional, Optional<DigestAuthentication> authentication,
                              Scheduler timers, Optional<SipTls> tls)
            throws SipStartException {
        if (spec.sipPort() < 0) return new PeerServices(null, null);
        SipEndpointConfig endpoint = new SipEndpointConfig(spec.domain(), new InetSocketAddress(spec.bind(), spec.sipPort()),
                SipEndpointConfig.DEFAULT_THREADS, SipEndpointConfig.DEFAULT_MAX_MESSAGE_BYTES).withTls(tls.orElse(null));
        SipAgentConfig plain = SipAgentConfig.defaults(spec.domain(), 0).withEndpoint(endpoint);
        // an enrolled agent also signs the records it writes, so that a secure overlay keeps them
        SipAgentConfig config = tls.map(t -> plain.withCredentials(t.credentials())).orElse(plain);
        PeerAgent agent = PeerAgent.start(peer.node(), authentication.map(config::withAuthentication).orElse(config),
                new DiscoveredRouters(discovery.directory()), conventional.orElse(null));
        peer.announceSipEntryPoint(agent.sipAddress());
        DnsPublishing published = dns.map(target -> DnsPublishing.start(target, List.of(spec.domain()), List.of("udp", "tcp"),
                agent.sipAddress(), discovery.directory(), timers)).orElse(null);
        return new PeerServices(agent, published);
    }

    String describe() {
        return agent == null ? "; no SIP agent (--sip-port runs one)" : "; SIP agent for " + agent.domain() + " at " + agent.sipAddress().getAddress().getHostAddress()
                + ":" + agent.sipAddress().getPort()
                + agent.tlsAddress().map(a -> " (TLS to routers at port " + a.getPort() + ")").orElse("")
                + (agent.authentication().isPresent() ? ", authenticating its users" : ", open (--users authenticates)")
                + (dns == null ? "" : ", published in DNS as " + dns.entryPoints().get(0).hostName());
    }

    @Override
    public void close() {
        if (dns != null) dns.close();
        if (agent != null) agent.close();
    }
}
