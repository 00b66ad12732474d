package org.interlay.router.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.interlay.discovery.Algorithm;
import org.interlay.overlay.Key;
import org.interlay.overlay.Overlay;
import org.interlay.overlay.Record;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.sim.UdpCluster;
import org.interlay.time.EventLoop;
import org.interlay.router.AgentPolicies;
import org.interlay.router.PeerAgent;
import org.interlay.router.Router;
import org.interlay.router.RouterConfig;
import org.interlay.router.SipAgentConfig;
import org.interlay.router.auth.DigestAuthentication;
import org.interlay.router.bridge.Bridge;
import org.interlay.router.bridge.BridgeCoordinator;
import org.interlay.router.directory.DomainEntry;
import org.interlay.router.directory.StaticDomainDirectory;
import org.interlay.router.membership.InstalledAlgorithms;
import org.interlay.router.membership.NodeJoiner;

/**
 * Real overlays on UDP loopback for end-to-end tests and benchmarks: one {@link UdpCluster} per
 * domain, a SIP agent on the first peer of each, and routers that join every overlay with nodes of
 * their own. Overlay names are the domains' first labels (chord.lab is served by overlay "chord").
 */
public final class OverlayLab implements AutoCloseable {
    /** A domain of the lab and the algorithm of its overlay. */
    public record LabDomain(String domain, String algorithm) {
        public String overlayName() {
            return domain.substring(0, domain.indexOf('.'));
        }
    }

    private final Map<String, UdpCluster> clusters = new LinkedHashMap<>();
    private final Map<String, PeerAgent> agents = new LinkedHashMap<>();
    private final List<Router> routers = new ArrayList<>();
    private final List<EventLoop> routerLoops = new ArrayList<>();
    private final StaticDomainDirectory directory = new StaticDomainDirectory(List.of());
    private final AgentPolicies policies;

    private OverlayLab(AgentPolicies policies) {
        this.policies = policies;
    }

    /** Grows {@code peers} nodes in each overlay, waits until each is stable and starts an agent on its first peer. */
    public static OverlayLab start(List<LabDomain> domains, int peers, AgentPolicies policies) throws Exception {
        return start(domains, peers, policies, Map.of());
    }

    /** As {@link #start(List, int, AgentPolicies)}; the agent of each domain in {@code authentication} authenticates its users. */
    public static OverlayLab start(List<LabDomain> domains, int peers, AgentPolicies policies,
                                   Map<String, DigestAuthentication> authentication) throws Exception {
        OverlayLab lab = new OverlayLab(policies);
        try {
            long seed = 5;
            for (LabDomain d : domains) {
                UdpCluster cluster = new UdpCluster(InstalledAlgorithms.named(d.algorithm()), nodeConfig(d.overlayName()), seed++);
                lab.clusters.put(d.domain(), cluster);
                cluster.grow(peers, Duration.ofSeconds(10));
            }
            for (LabDomain d : domains) {
                UdpCluster cluster = lab.clusters.get(d.domain());
                if (!cluster.awaitStable(Duration.ofSeconds(30))) throw new IllegalStateException(d + " did not stabilise");
                lab.directory.put(new DomainEntry(d.domain(), d.overlayName(), Algorithm.named(d.algorithm()),
                        List.of(cluster.nodes().get(0).self().address()), List.of()));
                SipAgentConfig config = SipAgentConfig.defaults(d.domain(), 0).withPolicies(policies)
                        .withAuthentication(authentication.get(d.domain()));
                lab.agents.put(d.domain(), PeerAgent.start(cluster.nodes().get(0), config));
            }
            return lab;
        } catch (Exception | Error e) {
            lab.close();
            throw e;
        }
    }

    public static NodeConfig nodeConfig(String overlayName) {
        return NodeConfig.defaults(overlayName).withPeriods(2_000, 500);
    }

    /** Starts a router joining every overlay of the lab, coordinated by {@code coordinator}. */
    public Router startRouter(String id, BridgeCoordinator coordinator) throws Exception {
        return startRouter(id, coordinator, org.interlay.router.RelayMode.STATELESS);
    }

    /** As {@link #startRouter(String, BridgeCoordinator)}, forwarding as {@code mode} says. */
    public Router startRouter(String id, BridgeCoordinator coordinator, org.interlay.router.RelayMode mode) throws Exception {
        return startRouter(id, coordinator, mode, org.interlay.router.sip.SipEndpointConfig.DEFAULT_THREADS);
    }

    /** As {@link #startRouter(String, BridgeCoordinator, org.interlay.router.RelayMode)}, its stack with {@code threads} handling threads. */
    public Router startRouter(String id, BridgeCoordinator coordinator, org.interlay.router.RelayMode mode, int threads)
            throws Exception {
        EventLoop loop = new EventLoop("router-" + id);
        routerLoops.add(loop);
        RouterConfig config = RouterConfig.defaults(id, 0, new ArrayList<>(clusters.keySet())).withPolicies(policies);
        config = config.withEndpoint(config.endpoint().withThreads(threads));
        config = new RouterConfig(config.routerId(), config.endpoint(), config.domains(), policies, mode,
                Duration.ofSeconds(10), Duration.ofSeconds(1), config.rejoinPeriod());
        Router router = Router.start(config, directory,
                new NodeJoiner(loop, java.net.InetAddress.getLoopbackAddress(), OverlayLab::nodeConfig,
                        new Random(id.hashCode()), 10_000), coordinator);
        routers.add(router);
        return router;
    }

    public PeerAgent agent(String domain) {
        return agents.get(domain);
    }

    public UdpCluster cluster(String domain) {
        return clusters.get(domain);
    }

    public StaticDomainDirectory directory() {
        return directory;
    }

    /** The bridge to {@code to} as the peers of {@code from} read it, if any. */
    public Optional<Bridge> bridge(String from, String to) {
        Overlay peer = clusters.get(from).nodes().get(clusters.get(from).nodes().size() - 1);
        try {
            Optional<Record> r = peer.get(Key.hash(Bridge.recordName(to))).get(5, TimeUnit.SECONDS);
            return r.isEmpty() ? Optional.empty()
                    : Optional.of(org.interlay.router.bridge.BridgeCodec.decode(to, r.get().value()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Waits (polling, with a deadline) until the peers of {@code from} see router {@code routerId}'s bridge to {@code to}. */
    public void awaitBridge(String from, String to, String routerId, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (bridge(from, to).filter(b -> b.routerId().equals(routerId)).isPresent()) return;
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("no bridge " + from + " -> " + to + " through " + routerId + " within " + limit);
    }

    @Override
    public void close() {
        routers.forEach(Router::halt);
        routerLoops.forEach(EventLoop::close);
        agents.values().forEach(PeerAgent::close);
        clusters.values().forEach(UdpCluster::close);
    }
}
