package org.interlay.shell;

import java.net.InetSocketAddress;
import org.interlay.discovery.LanDiscovery;
import org.interlay.harness.peer.OverlayPeer;
import org.interlay.harness.peer.PeerSpec;
import org.interlay.router.PeerAgent;
import org.interlay.router.SipAgentConfig;
import org.interlay.router.directory.DiscoveredRouters;
import org.interlay.router.sip.SipEndpointConfig;
import org.interlay.router.sip.SipStartException;

/** What a peer runs beside its overlay node: its SIP agent, when asked for one. */
final class PeerServices implements AutoCloseable {
    private final PeerAgent agent;

    private PeerServices(PeerAgent agent) {
        this.agent = agent;
    }

    /** Starts the SIP agent, which learns from {@code discovery} which routers are live. */
    static PeerServices start(OverlayPeer peer, PeerSpec spec, LanDiscovery discovery) throws SipStartException {
        if (spec.sipPort() < 0) return new PeerServices(null);
        SipEndpointConfig endpoint = new SipEndpointConfig(spec.domain(), new InetSocketAddress(spec.bind(), spec.sipPort()),
                SipEndpointConfig.DEFAULT_THREADS, SipEndpointConfig.DEFAULT_MAX_MESSAGE_BYTES);
        PeerAgent agent = PeerAgent.start(peer.node(), SipAgentConfig.defaults(spec.domain(), 0).withEndpoint(endpoint),
                new DiscoveredRouters(discovery.directory()));
        peer.announceSipEntryPoint(agent.sipAddress());
        return new PeerServices(agent);
    }

    String describe() {
        return agent == null ? "; no SIP agent (--sip-port runs one)" : "; SIP agent for " + agent.domain() + " at " + agent.sipAddress().getAddress().getHostAddress()
                + ":" + agent.sipAddress().getPort();
    }

    @Override
    public void close() {
        if (agent != null) agent.close();
    }
}
