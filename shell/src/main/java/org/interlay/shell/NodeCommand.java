package org.interlay.shell;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.interlay.discovery.Algorithm;
import org.interlay.discovery.LanDiscovery;
import org.interlay.discovery.LanDiscoveryConfig;
import org.interlay.harness.peer.OverlayPeer;
import org.interlay.harness.peer.PeerSpec;
import org.interlay.overlay.Address;
import org.interlay.router.membership.InstalledAlgorithms;
import org.interlay.time.EventLoop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code interlay node}: one overlay peer that joins or creates its overlay, advertises it, and serves until stopped. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Run one peer of an overlay: join it (through --bootstrap, or through peers found by "
                + "discovery) or create it, and advertise it on the network until stopped (Ctrl-C leaves gracefully).",
                "Example: interlay node --overlay chord --algo chord"})
public final class NodeCommand implements Callable<Integer> {
    @Option(names = "--overlay", required = true, paramLabel = "NAME",
            description = "The overlay's name: letters, digits, '-', '_' (e.g. chord).")
    String overlay;

    @Option(names = "--algo", required = true, paramLabel = "ALGO", completionCandidates = AlgorithmNames.class,
            description = "The overlay's algorithm, one of those installed: ${COMPLETION-CANDIDATES}.")
    String algorithm;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "The SIP domain it serves. Default: NAME.lab.")
    String domain;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", split = ",",
            description = "Peers to join through (comma-separated). Default: peers found by discovery, else create.")
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

    @Override
    public Integer call() throws Exception {
        Algorithm algo = InstalledAlgorithms.requireInstalled(algorithm);
        InetAddress bindAddress = InetAddress.getByName(bind);
        LoopbackNotice.printIfLoopback(bindAddress, System.err);
        List<Address> boot = bootstrap.stream().map(Address::parse).toList();
        PeerSpec spec = new PeerSpec(overlay, algo, domain != null ? domain : overlay + ".lab", bindAddress, port, boot,
                sipPort, nodeId);
        LanDiscovery discovery = new LanDiscovery(LanDiscoveryConfig.on(bindAddress,
                "interlay-" + (nodeId != null ? nodeId : port != 0 ? PeerSpec.nodeIdForPort(port)
                        : "node-" + ProcessHandle.current().pid())));
        discovery.start();
        EventLoop loop = new EventLoop("node-" + overlay);
        OverlayPeer peer;
        try {
            peer = OverlayPeer.start(spec, loop, discovery, Duration.ofMillis((long) (discoveryWait * 1000)),
                    Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            discovery.close();
            loop.close();
            throw e;
        }
        PeerServices services = PeerServices.start(peer, peer.spec(), discovery);
        System.out.printf("%s %s overlay %s (%s) as %s (%s) at %s%s%n", peer.created() ? "created" : "joined",
                algo, overlay, spec.domain(), peer.spec().nodeId(), peer.node().self().id().shortHex(), peer.node().self().address(),
                services.describe());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("leaving " + overlay + " ...");
            services.close();
            Thread leaving = new Thread(peer::close, "node-leave"); // the overlay and discovery are left at once
            leaving.start();
            discovery.close();
            joinQuietly(leaving);
            loop.close();
            stopped.countDown();
        }, "node-shutdown"));
        stopped.await();
        return 0;
    }

    static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
