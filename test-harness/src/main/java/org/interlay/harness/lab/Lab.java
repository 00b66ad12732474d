package org.interlay.harness.lab;

import org.interlay.text.Plural;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.security.SecureRandom;
import java.time.InstantSource;
import org.interlay.discovery.DiscoveryException;
import org.interlay.discovery.LanDiscovery;
import org.interlay.discovery.LanDiscoveryConfig;
import org.interlay.discovery.jgroups.JGroupsConfig;
import org.interlay.discovery.jgroups.JGroupsDiscoverer;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.harness.peer.OverlayPeer;
import org.interlay.harness.peer.PeerSpec;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.time.EventLoop;
import org.interlay.router.PeerAgent;
import org.interlay.router.dns.DnsPublishing;
import org.interlay.router.dns.SipServerLocator;
import org.interlay.router.Router;
import org.interlay.router.RouterConfig;
import org.interlay.router.SipAgentConfig;
import org.interlay.router.bridge.Bridge;
import org.interlay.router.bridge.BridgeChangeLines;
import org.interlay.router.bridge.BridgeFinder;
import org.interlay.router.bridge.GroupBridgeCoordinator;
import org.interlay.router.directory.DiscoveredDomains;
import org.interlay.router.directory.DiscoveredRouters;
import org.interlay.router.membership.InstalledAlgorithms;
import org.interlay.router.membership.NodeJoiner;
import org.interlay.router.sip.SipEndpointConfig;
import org.interlay.router.sip.SipStartException;
import org.interlay.router.sip.SipTls;
import org.interlay.trust.Aor;
import org.interlay.trust.Credentials;

/**
 * The local lab: overlays of any installed algorithms (by default chord.lab, pastry.lab and kad.lab)
 * with a few peers each, discovery (mDNS and the JGroups group on the bind address) and routers
 * bridging them, all in this process. Peers, routers and users are added and killed at will, for
 * people trying Interlay and for interop scripts. A secure lab ({@link LabConfig#secured()}) enrols
 * every part in a temporary authority of its own ({@link LabAuthority}) and makes each user's password
 * the first time it is asked for ({@link #passwordFor}).
 */
public final class Lab implements AutoCloseable {
    /** Peers of each overlay that run a SIP agent (users register with them). */
    private static final int AGENTS_PER_OVERLAY = 2;
    /** How long the start waits for the overlays to settle (see {@link #awaitSettled}). */
    private static final Duration SETTLE_WITHIN = Duration.ofSeconds(20);
    private static final Duration SETTLE_POLL = Duration.ofMillis(200);
    private static final int SETTLE_PROBES = 16;
    /** A close that takes longer says what it is doing. */
    private static final Duration QUIET_CLOSE = Duration.ofMillis(500);

    private final LabConfig config;
    private final EventLoop peerLoop = new EventLoop("lab-peers");
    private final LanDiscovery discovery;
    private final Map<String, LabOverlay> overlays = new LinkedHashMap<>();
    private final Map<String, LabRouter> routers = new LinkedHashMap<>();
    private final AtomicInteger nextPeer = new AtomicInteger(1);
    private final AtomicInteger nextRouter = new AtomicInteger(1);
    private final PrintStream progress;
    private final long startedAt = System.nanoTime();
    private final List<Consumer<String>> noticeListeners = new CopyOnWriteArrayList<>();
    /** The DNS publication of each agent and router, by its SIP address (empty when the lab publishes nothing). */
    private final Map<InetSocketAddress, DnsPublishing> published = new java.util.concurrent.ConcurrentHashMap<>();
    /** How the lab's agents and routers find conventional domains in DNS; null when they do not. */
    private final SipServerLocator conventional;
    /** The lab's own authority when it is secure; null when it runs open. */
    private final LabAuthority trust;
    /** Once up, the lab's progress lines stop: what it does next goes to its notice listeners. */
    private volatile boolean up;

    private Lab(LabConfig config, LanDiscovery discovery, PrintStream progress, LabAuthority trust) {
        this.config = config;
        this.trust = trust;
        this.conventional = config.resolver() == null ? null : SipServerLocator.using(config.resolver(), new Random());
        this.discovery = discovery;
        this.progress = progress;
    }

    public static Lab start(LabConfig config, PrintStream progress) throws DiscoveryException, InterruptedException,
            SipStartException {
        config.overlays().forEach(o -> InstalledAlgorithms.implementation(o.algorithm())); // fails before anything starts
        LabAuthority trust = config.secure() ? LabAuthority.create(config.overlays().stream().map(LabOverlaySpec::domain).toList(),
                config.authentication(), InstantSource.system(), new SecureRandom()) : null;
        LanDiscovery discovery = new LanDiscovery(LanDiscoveryConfig.on(config.bind(), "interlay-lab-" + ProcessHandle.current().pid()));
        Lab lab = new Lab(config, discovery, progress, trust);
        discovery.start();
        lab.say("discovery started on %s", config.bind().getHostAddress());
        if (trust != null) lab.say("secure: every part enrolled by the lab's own authority %s", trust.name());
        try {
            List<Startup> overlays = new ArrayList<>();
            for (LabOverlaySpec o : config.overlays()) {
                lab.overlays.put(o.name(), new LabOverlay(o.name(), o.algorithm(), o.domain()));
                overlays.add(() -> lab.addPeers(o.name(), o.peers()));
            }
            lab.inParallel(overlays);
            List<Startup> routers = new ArrayList<>();
            for (int i = 0; i < config.routers(); i++) routers.add(lab::addRouter);
            lab.inParallel(routers);
            lab.awaitSettled(SETTLE_WITHIN);
            lab.up = true;
            return lab;
        } catch (DiscoveryException | InterruptedException | SipStartException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** One step of starting the lab. */
    @FunctionalInterface
    private interface Startup {
        Object run() throws Exception;
    }

    /** Runs the steps at once, each on its own thread; the first failure is thrown once all have ended. */
    private void inParallel(List<Startup> steps) throws DiscoveryException, InterruptedException, SipStartException {
        if (steps.isEmpty()) return;
        ExecutorService pool = Executors.newFixedThreadPool(steps.size());
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (Startup step : steps) done.add(pool.submit(step::run));
            Exception first = null;
            for (Future<Object> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) first = e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
                }
            }
            if (first instanceof DiscoveryException d) throw d;
            if (first instanceof SipStartException sse) throw sse;
            if (first instanceof InterruptedException ie) throw ie;
            if (first instanceof RuntimeException re) throw re;
            if (first != null) throw new IllegalStateException(first.getMessage(), first);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The lab's own authority, when it is secure. */
    public Optional<LabAuthority> authority() {
        return Optional.ofNullable(trust);
    }

    /**
     * The password the lab made for {@code aor} (made now if it had none), for a user of a lab domain
     * in a secure lab; empty in an open lab or for a user of another domain.
     */
    public Optional<String> passwordFor(Aor aor) {
        return trust == null ? Optional.empty() : trust.password(aor);
    }

    public OverlayDirectory directory() {
        return discovery.directory();
    }

    public List<LabOverlay> overlays() {
        return List.copyOf(overlays.values());
    }

    public Optional<LabOverlay> overlay(String nameOrDomain) {
        return overlays.values().stream()
                .filter(o -> o.name().equalsIgnoreCase(nameOrDomain) || o.domain().equalsIgnoreCase(nameOrDomain)).findFirst();
    }

    /**
     * Adds {@code count} peers to an overlay; the first of a new overlay creates it, the others join at
     * the same time. Returns their node ids.
     */
    public List<String> addPeers(String overlayName, int count) throws InterruptedException, SipStartException {
        LabOverlay o = overlay(overlayName).orElseThrow(() -> new IllegalArgumentException(
                "no overlay '" + overlayName + "' in the lab; there are " + overlays.keySet()));
        if (o.peers().size() + count > LabConfig.MAX_PEERS) {
            throw new IllegalArgumentException(o.domain() + " has " + Plural.of(o.peers().size(), "peer") + "; a lab overlay has at most "
                    + LabConfig.MAX_PEERS + ", so " + count + " more would be too many");
        }
        List<String> ids = new ArrayList<>();
        int first = 0;
        if (o.peers().isEmpty()) {
            ids.add(addPeer(o));
            first = 1;
        }
        List<Startup> rest = new ArrayList<>();
        for (int i = first; i < count; i++) rest.add(() -> addPeer(o));
        if (!rest.isEmpty()) {
            try {
                inParallel(rest);
            } catch (DiscoveryException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        say("%s: %s up", o.domain(), Plural.of(o.peers().size(), "peer"));
        List<String> started;
        synchronized (o) {
            started = o.peers().subList(o.peers().size() - count, o.peers().size()).stream().map(p -> p.spec().nodeId()).toList();
        }
        notice("%s: %s %s started (%s now)", o.domain(), count == 1 ? "peer" : "peers", String.join(", ", started),
                Plural.of(o.peers().size(), "peer"));
        return started;
    }

    private String addPeer(LabOverlay o) throws InterruptedException, SipStartException {
        List<OverlayPeer> existing = o.peers();
        List<Address> boot = existing.isEmpty() ? List.of()
                : List.of(existing.get(new Random().nextInt(existing.size())).node().self().address());
        String id = "p" + nextPeer.getAndIncrement();
        PeerSpec spec = new PeerSpec(o.name(), o.algorithm(), o.domain(), config.bind(), 0, boot, -1, id);
        OverlayPeer peer = OverlayPeer.start(spec, peerLoop, discovery, Duration.ZERO, Duration.ofSeconds(20),
                trust == null ? Optional.empty() : Optional.of(trust.node(o.name())));
        boolean runAgent;
        synchronized (o) {
            o.peers.add(peer);
            runAgent = o.agentsWanted++ < AGENTS_PER_OVERLAY;
        }
        if (runAgent) {
            PeerAgent agent = PeerAgent.start(peer.node(), agentConfig(o.domain()), new DiscoveredRouters(discovery.directory()),
                    conventional);
            synchronized (o) {
                o.agents.add(agent);
            }
            peer.announceSipEntryPoint(agent.sipAddress());
            publish(List.of(o.domain()), agent.sipAddress());
        }
        return id;
    }

    /** Publishes {@code sip} in DNS as an entry point of {@code domains}, when the lab publishes at all. */
    private void publish(List<String> domains, InetSocketAddress sip) {
        if (config.dns() == null) return;
        published.put(sip, DnsPublishing.start(config.dns(), domains, List.of("udp", "tcp"), sip, discovery.directory(), peerLoop));
    }

    /** Stops publishing {@code sip} as a crash would: its records stay until the survivors see it gone. */
    private void unpublishAsCrashed(InetSocketAddress sip) {
        DnsPublishing p = published.remove(sip);
        if (p != null) p.halt();
    }

    /**
     * An agent of {@code domain}: open, authenticating the users --users named if any; or, in a secure
     * lab, with an agent certificate of its own (TLS to the routers, records signed) and the domain's users.
     */
    private SipAgentConfig agentConfig(String domain) {
        SipAgentConfig open = SipAgentConfig.defaults(domain, 0);
        if (trust == null) return open.withEndpoint(endpoint(domain, null)).withAuthentication(config.authentication().get(domain));
        Credentials credentials = trust.agent(domain);
        return open.withEndpoint(endpoint(domain, credentials)).withCredentials(credentials)
                .withAuthentication(trust.authentication(domain));
    }

    /** A SIP endpoint on the lab's address, with TLS beside UDP and TCP when given credentials. */
    private SipEndpointConfig endpoint(String name, Credentials credentials) {
        return new SipEndpointConfig(name, new InetSocketAddress(config.bind(), 0), SipEndpointConfig.DEFAULT_THREADS,
                SipEndpointConfig.DEFAULT_MAX_MESSAGE_BYTES).withTls(credentials == null ? null : new SipTls(credentials));
    }

    /** Starts a router that joins every overlay of the lab and coordinates with the others through the group. */
    public String addRouter() throws DiscoveryException, SipStartException {
        if (routers().size() >= LabConfig.MAX_ROUTERS) {
            throw new IllegalArgumentException("the lab has " + Plural.of(routers().size(), "router") + " already, the most a lab runs");
        }
        String id = "r" + nextRouter.getAndIncrement();
        JGroupsDiscoverer group = new JGroupsDiscoverer(JGroupsConfig.udp(config.bind()));
        group.start(new OverlayDirectory());
        EventLoop loop = new EventLoop("lab-router-" + id);
        List<String> domains = overlays.values().stream().map(LabOverlay::domain).toList();
        Credentials credentials = trust == null ? null : trust.router(id);
        RouterConfig rc = RouterConfig.defaults(id, 0, domains).withEndpoint(endpoint("router-" + id, credentials));
        if (credentials != null) rc = rc.withCredentials(credentials);
        Function<String, NodeConfig> nodes = trust == null ? NodeConfig::defaults
                : overlay -> NodeConfig.defaults(overlay).withTrust(trust.node(overlay));
        try {
            Router router = Router.start(rc, new DiscoveredDomains(discovery.directory()),
                    new NodeJoiner(loop, config.bind(), nodes, new Random(), 10_000),
                    new GroupBridgeCoordinator(group, group), conventional);
            synchronized (this) {
                routers.put(id, new LabRouter(id, router, group, loop));
            }
            router.onBridgesChanged(new BridgeChangeLines(id, this::notice));
            publish(domains, router.sipAddress());
        } catch (SipStartException | RuntimeException e) {
            group.close();
            loop.close();
            throw e;
        }
        say("router %s up", id);
        notice("router %s up (%s now)", id, Plural.of(routers().size(), "router"));
        return id;
    }

    /**
     * Waits until the lab has settled: in each overlay, every peer finds a bridge record for every
     * other domain of the lab, and lookups of a few probe keys end at the same node whichever peer
     * makes them. Until then an overlay whose peers joined all at once may still send a record and a
     * later read of it to different nodes. Says what is still unsettled after {@code within}.
     */
    private void awaitSettled(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<String> unsettled = unsettled();
        while (!unsettled.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(SETTLE_POLL.toMillis());
            unsettled = unsettled();
        }
        if (unsettled.isEmpty()) {
            say(config.routers() == 0 ? "overlays settled (no routers: each overlay on its own)"
                    : "overlays settled, bridges in place between all %d", overlays.size());
        } else {
            say("warning: not settled after %d s: %s; requests across those may fail until they are",
                    within.toSeconds(), String.join(", ", unsettled));
        }
    }

    /**
     * What keeps the lab from being settled, one phrase per overlay; empty once settled: every peer
     * finds a bridge to every other domain, named after a router of the lab that is alive, and lookups
     * of the probe keys end at the same node whichever peer makes them.
     */
    public List<String> unsettled() throws InterruptedException {
        List<String> problems = new ArrayList<>();
        Set<String> liveRouters = routers().stream().map(r -> r.router().routerId()).collect(Collectors.toSet());
        for (LabOverlay home : overlays.values()) {
            List<OverlayPeer> peers = home.peers();
            List<String> missing = new ArrayList<>();
            for (LabOverlay target : overlays.values()) {
                if (target == home || (config.routers() == 0 && liveRouters.isEmpty())) continue;
                List<CompletableFuture<Optional<Bridge>>> reads = peers.stream()
                        .map(p -> BridgeFinder.read(p.node(), target.domain())).toList();
                for (CompletableFuture<Optional<Bridge>> read : reads) {
                    if (!finished(read).flatMap(b -> b).map(b -> liveRouters.contains(b.routerId())).orElse(false)) {
                        missing.add(target.domain());
                        break;
                    }
                }
            }
            if (!missing.isEmpty()) problems.add(home.domain() + " has no bridge through a live router to " + String.join(" and ", missing));
            for (int i = 0; i < SETTLE_PROBES; i++) {
                Key probe = Key.hash("settle-probe-" + i);
                List<CompletableFuture<LookupResult>> lookups = peers.stream().map(p -> p.node().lookup(probe)).toList();
                Set<NodeRef> ends = new HashSet<>();
                for (CompletableFuture<LookupResult> l : lookups) ends.add(finished(l).map(LookupResult::responsible).orElse(null));
                if (ends.size() != 1 || ends.contains(null)) {
                    problems.add("lookups in " + home.domain() + " disagree");
                    break;
                }
            }
        }
        return problems;
    }

    private static <T> Optional<T> finished(CompletableFuture<T> f) throws InterruptedException {
        try {
            return Optional.ofNullable(f.get(5, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    /**
     * Adds a listener told, one line each, what the lab itself does once started: peers started and
     * killed, routers started and killed, and each router taking a pair over or giving it up.
     * Returns what removes it.
     */
    public Runnable onNotice(Consumer<String> listener) {
        noticeListeners.add(listener);
        return () -> noticeListeners.remove(listener);
    }

    private void notice(String format, Object... args) {
        String line = String.format(format, args);
        noticeListeners.forEach(l -> l.accept(line));
    }

    private void notice(String line) {
        noticeListeners.forEach(l -> l.accept(line));
    }

    private void say(String format, Object... args) {
        if (up) return;
        progress.printf("[%5.1f s] %s%n", (System.nanoTime() - startedAt) / 1e9, String.format(format, args));
        progress.flush();
    }

    public synchronized List<LabRouter> routers() {
        return List.copyOf(routers.values());
    }

    /**
     * Kills a router as a crash would; the group notices and a standby takes its pairs over. The id
     * {@code active} names the first router that bridges a pair. Returns the id killed.
     */
    public synchronized String killRouter(String id) {
        if (id.equals("active")) {
            id = routers.values().stream().filter(r -> !r.router().bridgedPairs().isEmpty()).map(LabRouter::id).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no router bridges any pair right now"));
        }
        LabRouter r = routers.remove(id);
        if (r == null) {
            throw new IllegalArgumentException("no router '" + id + "'; " + (routers.isEmpty() ? "there are none ('router add' starts one)"
                    : "there are " + String.join(", ", routers.keySet())));
        }
        unpublishAsCrashed(r.router().sipAddress());
        r.kill();
        notice("router %s killed (%s left)", id, Plural.of(routers.size(), "router"));
        return id;
    }

    /** Kills a peer as a crash would: no hand-over. Its SIP agent, if it ran one, dies with it. */
    public void killPeer(String id) {
        for (LabOverlay o : overlays.values()) {
            synchronized (o) {
                for (int i = 0; i < o.peers.size(); i++) {
                    OverlayPeer p = o.peers.get(i);
                    if (p.spec().nodeId().equals(id)) {
                        if (o.peers.size() == 1) throw new IllegalArgumentException(id + " is the last peer of " + o.domain());
                        o.peers.remove(i);
                        o.agents.removeIf(a -> {
                            if (a.sipAddress().getPort() == agentPortOf(p)) {
                                unpublishAsCrashed(a.sipAddress());
                                a.close();
                                return true;
                            }
                            return false;
                        });
                        p.kill();
                        notice("%s: peer %s killed (%s left)", o.domain(), id, Plural.of(o.peers.size(), "peer"));
                        return;
                    }
                }
            }
        }
        throw new IllegalArgumentException("no peer '" + id + "' (see 'stats' for the node ids)");
    }

    private static int agentPortOf(OverlayPeer peer) {
        return peer.sipEntryPoint().map(InetSocketAddress::getPort).orElse(-1);
    }

    /** The id of the peer whose SIP agent listens at {@code sip}, if it is one of the lab's. */
    public Optional<String> peerWithAgentAt(InetSocketAddress sip) {
        return overlays.values().stream().flatMap(o -> o.peers().stream())
                .filter(p -> p.sipEntryPoint().filter(sip::equals).isPresent()).map(p -> p.spec().nodeId()).findFirst();
    }

    /** Where a user of {@code domain} registers: one of its overlay's SIP agents. */
    public Optional<InetSocketAddress> entryPoint(String domain) {
        return overlay(domain).flatMap(o -> o.agents().stream().findFirst()).map(PeerAgent::sipAddress);
    }

    /**
     * Stops the lab, its parts at once: the routers leave their overlays (handing their records over
     * to the peers, which stay up until then), one after another (leaving together, they would hand
     * records to each other's nodes as those go), then the group; the SIP agents stop; discovery
     * leaves the group and sends its mDNS goodbyes; then the peers halt (the lab is going away as a
     * whole, so they have no one to hand over to). Says what it is doing when that takes over half a
     * second.
     */
    @Override
    public void close() {
        List<LabRouter> leaving;
        synchronized (this) {
            leaving = List.copyOf(routers.values());
            routers.clear();
        }
        List<PeerAgent> agents = overlays.values().stream().flatMap(o -> o.agents().stream()).toList();
        List<OverlayPeer> peers = overlays.values().stream().flatMap(o -> o.peers().stream()).toList();
        List<Runnable> parts = new ArrayList<>();
        List<DnsPublishing> publications = List.copyOf(published.values());
        published.clear();
        publications.forEach(p -> parts.add(p::close));
        parts.add(() -> {
            leaving.forEach(r -> r.router().close());
            ParallelStop.run(leaving.stream().<Runnable>map(r -> r.group()::close).toList())
                    .forEach(f -> say("warning: a router did not leave the group cleanly: %s", f));
        });
        agents.forEach(a -> parts.add(a::close));
        parts.add(discovery::close);
        List<Throwable> failures = ParallelStop.run(parts, QUIET_CLOSE, () -> say(
                "leaving: %d peers, %d routers, %d SIP agents, discovery ...", peers.size(), leaving.size(), agents.size()));
        failures.forEach(f -> say("warning: a part of the lab did not stop cleanly: %s", f));
        leaving.forEach(r -> r.loop().close());
        peers.forEach(p -> p.node().halt());
        peerLoop.close();
    }
}
