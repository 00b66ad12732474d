package org.interlay.shell;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.Optional;
import org.interlay.discovery.LanDiscovery;
import org.interlay.router.dns.DnsPublishing;
import org.interlay.router.dns.DnsUpdateTarget;
import org.interlay.router.dns.SipServerLocator;
import org.interlay.discovery.LanDiscoveryConfig;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.time.EventLoop;
import org.interlay.router.Router;
import org.interlay.router.RouterConfig;
import org.interlay.router.bridge.BridgeChangeLines;
import org.interlay.router.bridge.GroupBridgeCoordinator;
import org.interlay.router.directory.DiscoveredDomains;
import org.interlay.router.membership.NodeJoiner;
import org.interlay.router.sip.SipEndpointConfig;
import org.interlay.router.sip.SipTls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code interlay router}: an interop router that joins the overlays of the given domains and bridges them. */
@Command(name = "router", mixinStandardHelpOptions = true,
        description = {"Run an interop router: find the overlays serving these domains by discovery, join each, "
                + "and forward SIP between them; routers agree through the discovery group who bridges which pair.",
                "Example: interlay router --overlays chord.lab,kad.lab --sip-port 5070 --trust r1"})
public final class RouterCommand implements Callable<Integer> {
    @Option(names = "--overlays", required = true, split = ",", paramLabel = "DOMAIN",
            description = "SIP domains of the overlays to bridge (at least two), comma-separated.")
    List<String> domains;

    @Option(names = "--id", paramLabel = "ID", description = "The router's id in the group. Default: from the process id.")
    String id;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "Address every socket binds, discovery included. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--sip-port", defaultValue = "0", paramLabel = "PORT", description = "SIP port, UDP and TCP; 0 picks a free one.")
    int sipPort;

    @Option(names = "--trust", paramLabel = "DIR",
            description = "Trust directory of the router (ca.pem, router.pem, router-key.pem, as 'interlay enroll router "
                    + "--out DIR' writes it): SIP over TLS with mutual certificates to the agents and routers of that "
                    + "authority, on the SIP port + 1, and requests claiming a user of an enrolled domain refused unless "
                    + "its identity is asserted. Without it the router runs open, and says so on start.")
    java.nio.file.Path trust;

    @Mixin
    DnsUpdateOptions dns = new DnsUpdateOptions();

    @Mixin
    ResolverOption resolver = new ResolverOption();

    @Override
    public Integer call() throws Exception {
        Optional<DnsUpdateTarget> dnsTarget = dns.target();
        InetAddress address = InetAddress.getByName(bind);
        Optional<SipServerLocator> conventional = resolver.locator(address);
        LoopbackNotice.printIfLoopback(address, System.err);
        String routerId = id != null ? id : "r" + ProcessHandle.current().pid();
        SipTls tls = trust == null ? null : SipTrust.router(trust);
        if (tls == null) System.err.println("router " + routerId + " " + SipTrust.ROUTER_OPEN);
        RouterConfig config = RouterConfig.defaults(routerId, 0, domains).withEndpoint(new SipEndpointConfig(
                "router-" + routerId, new InetSocketAddress(address, sipPort), SipEndpointConfig.DEFAULT_THREADS,
                SipEndpointConfig.DEFAULT_MAX_MESSAGE_BYTES).withTls(tls));
        LanDiscovery discovery = new LanDiscovery(LanDiscoveryConfig.on(address, "interlay-" + routerId));
        discovery.start();
        EventLoop loop = new EventLoop("router-" + routerId);
        Router router;
        try {
            router = Router.start(config, new DiscoveredDomains(discovery.directory()),
                    new NodeJoiner(loop, address, NodeConfig::defaults, new Random(), 10_000),
                    GroupBridgeCoordinator.over(discovery), conventional.orElse(null));
        } catch (Exception | Error e) {
            discovery.close();
            loop.close();
            throw e;
        }
        System.out.printf("router %s at %s:%d serving %s of %s (the rest are joined as they are discovered)%n", routerId,
                router.sipAddress().getAddress().getHostAddress(), router.sipAddress().getPort(), router.servedDomains(),
                config.domains());
        router.tlsAddress().ifPresent(a -> System.out.printf("router %s takes TLS from agents and routers of %s at %s:%d%n",
                routerId, tls.credentials().authority().getSubjectX500Principal().getName(), a.getAddress().getHostAddress(),
                a.getPort()));
        router.onBridgesChanged(new BridgeChangeLines(routerId, System.out::println));
        DnsPublishing published = dnsTarget.map(target -> DnsPublishing.start(target, config.domains(), List.of("udp", "tcp"),
                router.sipAddress(), discovery.directory(), loop)).orElse(null);
        if (published != null) System.out.println("router " + routerId + " published in DNS as " + published.entryPoints().get(0).hostName()
                + " and the same for each domain");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("router " + routerId + " stopping: leaving its overlays, its pairs go to the other routers");
            if (published != null) published.close();
            router.close();
            discovery.close();
            loop.close();
            System.out.println("router " + routerId + " stopped");
            stopped.countDown();
        }, "router-shutdown"));
        stopped.await();
        return 0;
    }
}
