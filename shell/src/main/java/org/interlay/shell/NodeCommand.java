package org.interlay.shell;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.interlay.discovery.Algorithm;
import org.interlay.discovery.LanDiscovery;
import org.interlay.discovery.LanDiscoveryConfig;
import org.interlay.harness.peer.OverlayPeer;
import org.interlay.harness.peer.PeerSpec;
import org.interlay.overlay.Address;
import org.interlay.router.auth.DigestAuthentication;
import org.interlay.overlay.secure.OverlayTrust;
import org.interlay.router.store.SipRecordPolicies;
import org.interlay.trust.Role;
import org.interlay.trust.TrustDirectory;
import org.interlay.trust.TrustException;
import org.interlay.router.membership.InstalledAlgorithms;
import org.interlay.time.EventLoop;
import java.util.Optional;
import org.interlay.router.dns.DnsConfigException;
import org.interlay.router.dns.DnsUpdateTarget;
import org.interlay.router.dns.SipServerLocator;
import org.interlay.router.sip.SipTls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code interlay node}: one overlay peer that joins or creates its overlay, advertises it, and serves
 * until stopped; or, with {@code --role client}, a client of an overlay ({@link ClientNode}).
 */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Run one peer of an overlay: join it (through --bootstrap, or through peers found by "
                + "discovery) or create it, and advertise it on the network until stopped (Ctrl-C leaves gracefully).",
                "With --role client, run a client of the overlay instead: it goes through one peer (given or "
                + "discovered), moves to another should that one die, and never joins: it takes no place in any "
                + "routing table and holds no record.",
                "With --trust DIR (written by 'interlay enroll node') the node is a member of a secure overlay: its id is "
                + "the node-id of its certificate, every frame it sends is signed and every frame it receives is checked "
                + "against the authority in DIR; frames of anyone not enrolled are dropped and counted. With agent.pem in the "
                + "same directory ('interlay enroll agent DOMAIN --out DIR'), its SIP agent signs its records and talks TLS "
                + "to the routers. Without it the node runs open and says so.",
                "Examples: interlay node --overlay chord --algo chord",
                "          interlay node --overlay chord --algo chord --trust node1",
                "          interlay node --role client --overlay chord --lookup alice@chord.lab"})
public final class NodeCommand implements Callable<Integer> {
    @Option(names = "--role", defaultValue = "peer", paramLabel = "ROLE",
            description = "peer (a member of the overlay: routes, stores records) or client (goes through a peer, "
                    + "stores and routes nothing). Default: ${DEFAULT-VALUE}.")
    String role;

    @Option(names = "--overlay", required = true, paramLabel = "NAME",
            description = "The overlay's name: letters, digits, '-', '_' (e.g. chord).")
    String overlay;

    @Option(names = "--algo", paramLabel = "ALGO", completionCandidates = AlgorithmNames.class,
            description = "The overlay's algorithm, one of those installed: ${COMPLETION-CANDIDATES}. Required for a "
                    + "peer; a client checks it against what its peer says, if given.")
    String algorithm;

    @Option(names = "--lookup", paramLabel = "AOR", split = ",",
            description = "Client only: look these addresses of record up (comma-separated, e.g. alice@chord.lab), "
                    + "print where each is, and exit. Without it a client stays until stopped.")
    List<String> lookups = List.of();

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "The SIP domain it serves. Default: NAME.lab.")
    String domain;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", split = ",",
            description = "Peers to join through (comma-separated). Default: peers found by discovery, else create "
                    + "(a client creates nothing: it needs a peer).")
    List<String> bootstrap = List.of();

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "Address every socket binds, discovery included. Default: ${DEFAULT-VALUE} (nothing leaves this host).")
    String bind;

    @Option(names = "--port", defaultValue = "0", paramLabel = "PORT", description = "Overlay UDP port; 0 picks a free one.")
    int port;

    @Option(names = "--sip-port", defaultValue = "-1", paramLabel = "PORT",
            description = "Run the peer's SIP agent (registrar and proxy for the domain) on this port, UDP and TCP; 0 picks one. "
                    + "Without it the peer runs no SIP agent: users cannot register with it.")
    int sipPort;

    @Option(names = "--node-id", paramLabel = "ID", description = "Name of this node in adverts. Default: n and the overlay port, e.g. n4000.")
    String nodeId;

    @Option(names = "--discovery-wait", defaultValue = "3", paramLabel = "SECONDS",
            description = "How long to look for the overlay before creating it. Default: ${DEFAULT-VALUE}.")
    double discoveryWait;

    @Option(names = "--trust", paramLabel = "DIR",
            description = "Trust directory of this node, from 'interlay enroll': with node.pem ('enroll node') it joins a "
                    + "secure overlay at the node-id of the certificate, signing every frame and checking every frame and "
                    + "record against the authority (a client signs its requests with it); with agent.pem ('enroll agent "
                    + "DOMAIN') its SIP agent signs the records it writes, talks TLS with mutual certificates to the routers "
                    + "and agents of that authority on the SIP port + 1, and refuses requests claiming a user of an enrolled "
                    + "domain whose identity is not asserted. Without it the node runs open and says so.")
    java.nio.file.Path trust;

    @Mixin
    DigestUsersOptions users = new DigestUsersOptions();

    @Mixin
    DnsUpdateOptions dns = new DnsUpdateOptions();

    @Mixin
    ResolverOption resolver = new ResolverOption();

    /** The users of {@code servedDomain} from --users, read before anything starts; one clear line when they cannot be. */
    private Optional<DigestAuthentication> authentication(String servedDomain) {
        if (users.given() && sipPort < 0) {
            throw new IllegalArgumentException("--users authenticates the users of the peer's SIP agent: give --sip-port too");
        }
        if (users.algorithmsGiven() && !users.given()) {
            throw new IllegalArgumentException("--digest-algorithms is how the users of --users are challenged: give --users too");
        }
        return users.forDomain(servedDomain);
    }

    @Override
    public Integer call() throws Exception {
        Optional<OverlayTrust> enrolment = loadTrust();
        if (role.equals("client")) return runClient(enrolment);
        if (!role.equals("peer")) throw new IllegalArgumentException("--role is peer or client, not '" + role + "'");
        if (algorithm == null) throw new IllegalArgumentException("a peer needs --algo, one of " + InstalledAlgorithms.names().stream().map(Algorithm::name).toList());
        if (!lookups.isEmpty()) throw new IllegalArgumentException("--lookup is for a client (--role client)");
        Algorithm algo = InstalledAlgorithms.requireInstalled(algorithm);
        Optional<DnsUpdateTarget> dnsTarget = dns.target();
        if (dnsTarget.isPresent() && sipPort < 0) {
            throw new DnsConfigException("--dns-update publishes the peer's SIP agent: give --sip-port too");
        }
        String servedDomain = domain != null ? domain : overlay + ".lab";
        Optional<DigestAuthentication> authentication = authentication(servedDomain);
        InetAddress bindAddress = InetAddress.getByName(bind);
        Optional<SipServerLocator> conventional = resolver.locator(bindAddress);
        Optional<SipTls> agentTls = trust == null ? Optional.empty() : SipTrust.agentIfEnrolled(trust, servedDomain);
        if (agentTls.isPresent() && sipPort < 0) throw new IllegalArgumentException("agent.pem in --trust is for the SIP agent: give --sip-port too");
        LoopbackNotice.printIfLoopback(bindAddress, System.err);
        List<Address> boot = bootstrap.stream().map(Address::parse).toList();
        printOpenNotice(enrolment);
        PeerSpec spec = new PeerSpec(overlay, algo, domain != null ? domain : overlay + ".lab", bindAddress, port, boot,
                sipPort, nodeId);
        LanDiscovery discovery = new LanDiscovery(LanDiscoveryConfig.on(bindAddress,
                "interlay-" + (nodeId != null ? nodeId : port != 0 ? PeerSpec.nodeIdForPort(port)
                        : "node-" + ProcessHandle.current().pid())));
        discovery.start();
        EventLoop loop = new EventLoop("node-" + overlay);
        // the hook is in place before the first advert goes out, so a node stopped while it joins still says goodbye
        AtomicReference<OverlayPeer> joined = new AtomicReference<>();
        AtomicReference<PeerServices> serving = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            System.err.println("leaving " + overlay + " ...");
            PeerServices services = serving.get();
            if (services != null) services.close();
            OverlayPeer peer = joined.get();
            Thread leaving = peer == null ? null : new Thread(peer::close, "node-leave"); // the overlay and discovery are left at once
            if (leaving != null) leaving.start();
            discovery.close();
            if (leaving != null) joinQuietly(leaving);
            loop.close();
            stopped.countDown();
        }, "node-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        OverlayPeer peer;
        try {
            peer = OverlayPeer.start(spec, loop, discovery, Duration.ofMillis((long) (discoveryWait * 1000)),
                    Duration.ofSeconds(30), enrolment);
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            discovery.close();
            loop.close();
            throw e;
        }
        joined.set(peer);
        PeerServices services = PeerServices.start(peer, peer.spec(), discovery, dnsTarget, conventional, authentication, loop, agentTls);
        serving.set(services);
        System.out.printf("%s %s overlay %s (%s) as %s (%s) at %s%s%n", peer.created() ? "created" : "joined",
                algo, overlay, spec.domain(), peer.spec().nodeId(), peer.node().self().id().shortHex(), peer.node().self().address(),
                services.describe());
        stopped.await();
        return 0;
    }

    /** {@code --role client}: options that only a peer has are refused, each with the reason. */
    private int runClient(Optional<OverlayTrust> enrolment) throws Exception {
        if (sipPort != -1) throw new IllegalArgumentException("--sip-port is for a peer: a client serves no SIP agent");
        if (domain != null) throw new IllegalArgumentException("--domain is for a peer: a client serves no domain");
        if (nodeId != null) throw new IllegalArgumentException("--node-id is for a peer: a client is named in no advert");
        if (algorithm != null) InstalledAlgorithms.requireInstalled(algorithm);
        InetAddress bindAddress = InetAddress.getByName(bind);
        LoopbackNotice.printIfLoopback(bindAddress, System.err);
        List<Address> boot = bootstrap.stream().map(Address::parse).toList();
        if (enrolment.isEmpty()) {
            System.err.println("running open: frames are not checked (--trust DIR signs the requests for a secure overlay)");
        } else {
            System.err.println("secure overlay: requests signed with the certificate in " + trust + ", answers checked");
        }
        return new ClientNode(overlay, algorithm, System.out, enrolment).run(bindAddress, port, boot,
                Duration.ofMillis((long) (discoveryWait * 1000)), lookups);
    }

    /** The node's enrolment from {@code --trust}; a clear error if the directory is not one. */
    private Optional<OverlayTrust> loadTrust() {
        if (trust == null) return Optional.empty();
        boolean node = java.nio.file.Files.exists(TrustDirectory.certificate(trust, Role.NODE));
        if (!node && !java.nio.file.Files.exists(TrustDirectory.certificate(trust, Role.AGENT))) {
            throw new IllegalArgumentException("--trust " + trust + ": neither node.pem nor agent.pem is there "
                    + "(interlay enroll node --out DIR, interlay enroll agent DOMAIN --out DIR)");
        }
        if (!node) return Optional.empty();
        OverlayTrust loaded;
        try {
            loaded = OverlayTrust.load(trust).withRecords(SipRecordPolicies.TABLE);
        } catch (TrustException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--trust " + trust + ": " + e.getMessage(), e);
        }
        Optional<String> enrolledIn = loaded.credentials().identity().overlay();
        if (enrolledIn.isPresent() && !enrolledIn.get().equals(overlay)) {
            throw new IllegalArgumentException("--trust " + trust + ": the certificate enrols this node in overlay "
                    + enrolledIn.get() + ", not " + overlay);
        }
        return Optional.of(loaded);
    }

    private void printOpenNotice(Optional<OverlayTrust> enrolment) {
        if (enrolment.isEmpty()) {
            System.err.println("running open: frames and records are not checked (--trust DIR with node.pem joins a secure overlay)");
        } else {
            System.err.println("secure overlay: node-id " + enrolment.get().nodeId().shortHex()
                    + " from the certificate; frames are signed and checked against the authority in " + trust);
        }
    }

    static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
