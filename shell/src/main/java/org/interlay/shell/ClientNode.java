package org.interlay.shell;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.LanDiscovery;
import org.interlay.discovery.LanDiscoveryConfig;
import org.interlay.discovery.OverlayEntry;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.client.OverlayClient;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.transport.UdpTransport;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.location.Binding;
import org.interlay.router.location.BindingSet;
import org.interlay.router.location.LocationService;
import org.interlay.text.Plural;
import org.interlay.time.EventLoop;

/**
 * {@code interlay node --role client}: a client of an overlay, which reaches it through one peer
 * (given, or found by discovery), looks addresses up through it and never joins. With addresses to
 * look up it prints where each is and exits; without, it stays, asks its peer every few seconds
 * whether it is there and says when it moves to another.
 */
final class ClientNode {
    /** How often a client that stays asks its peer whether it is there. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(3);
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(15);

    private final String overlay;
    private final String algorithm;
    private final PrintStream out;
    /** The certificate its requests are signed with, in a secure overlay. */
    private final java.util.Optional<org.interlay.overlay.secure.OverlayTrust> trust;
    /** Counted down once the client and discovery are closed, which a shutdown hook waits for. */
    private final CountDownLatch finished = new CountDownLatch(1);

    /** @param algorithm the algorithm the overlay should run, or null to take what its peer says */
    ClientNode(String overlay, String algorithm, PrintStream out,
               java.util.Optional<org.interlay.overlay.secure.OverlayTrust> trust) {
        this.trust = trust;
        this.overlay = overlay;
        this.algorithm = algorithm;
        this.out = out;
    }

    int run(InetAddress bind, int port, List<Address> bootstrap, Duration discoveryWait, List<String> lookups)
            throws Exception {
        List<AddressOfRecord> aors = new ArrayList<>();
        for (String l : lookups) aors.add(AddressOfRecord.parse(l));
        try {
            return runClient(bind, port, bootstrap, discoveryWait, aors);
        } finally {
            finished.countDown();
        }
    }

    private int runClient(InetAddress bind, int port, List<Address> bootstrap, Duration discoveryWait,
                          List<AddressOfRecord> aors) throws Exception {
        try (LanDiscovery discovery = new LanDiscovery(LanDiscoveryConfig.on(bind,
                "interlay-client-" + ProcessHandle.current().pid()));
             EventLoop loop = new EventLoop("client-" + overlay)) {
            discovery.start();
            List<Address> boot = bootstrap.isEmpty() ? discovered(discovery, discoveryWait) : bootstrap;
            if (boot.isEmpty()) {
                throw new IllegalArgumentException("no peer of overlay " + overlay + " found on " + bind.getHostAddress()
                        + " within " + LoopbackNotice.seconds(discoveryWait.toMillis() / 1000.0)
                        + " s; give one with --bootstrap HOST:PORT");
            }
            Random random = new Random();
            OverlayClient client = new OverlayClient(trust.map(t -> NodeConfig.defaults(overlay).withTrust(t))
                    .orElse(NodeConfig.defaults(overlay)), Key.random(random),
                    new UdpTransport(loop, new InetSocketAddress(bind, port)), loop, new Random(random.nextLong()),
                    () -> peersOf(discovery));
            try {
                await(client.join(boot), "reaching overlay " + overlay + " through " + boot);
                if (algorithm != null && !algorithm.equals(client.algorithm())) {
                    throw new IllegalArgumentException("overlay " + overlay + " runs " + client.algorithm() + ", not " + algorithm);
                }
                out.printf("client of overlay %s (%s) through peer %s, from %s%n", overlay, client.algorithm(),
                        client.peer().map(Address::toString).orElse("none"), client.self().address());
                return aors.isEmpty() ? stay(client) : lookUp(client, aors);
            } finally {
                client.halt();
            }
        }
    }

    private int lookUp(OverlayClient client, List<AddressOfRecord> aors) throws InterruptedException {
        int failed = 0;
        LocationService location = new LocationService(client, InstantSource.system(), Duration.ZERO, Duration.ZERO);
        for (AddressOfRecord aor : aors) {
            String name = aor.user() + "@" + aor.domain();
            try {
                LookupResult route = await(client.lookup(LocationService.key(aor)), "lookup of " + name);
                Optional<BindingSet> found = await(location.find(aor), "lookup of " + name);
                List<String> contacts = found.map(b -> b.live(Instant.now()).stream().map(Binding::contact).toList())
                        .orElse(List.of());
                out.printf("%s -> %s  [responsible node %s, %s from peer %s]%n", name,
                        contacts.isEmpty() ? "not registered" : String.join(", ", contacts), route.responsible(),
                        Plural.of(route.hops(), "hop"), client.peer().map(Address::toString).orElse("none"));
            } catch (IllegalStateException e) {
                out.println(name + " -> " + e.getMessage());
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private int stay(OverlayClient client) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            try {
                finished.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "client-shutdown"));
        Address last = client.peer().orElse(null);
        while (!stopped.await(CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
            try {
                await(client.checkPeer(), "asking peer " + last);
            } catch (IllegalStateException e) {
                out.println(e.getMessage());
            }
            Address now = client.peer().orElse(null);
            if (now != null && !now.equals(last)) {
                out.printf("moved to peer %s: %s stopped answering%n", now, last);
                last = now;
            }
        }
        return 0;
    }

    private List<Address> discovered(LanDiscovery discovery, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Address> peers;
        while ((peers = peersOf(discovery)).isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return peers;
    }

    private List<Address> peersOf(LanDiscovery discovery) {
        Optional<OverlayEntry> entry = discovery.directory().overlay(overlay);
        if (entry.isEmpty()) return List.of();
        if (algorithm != null && !entry.get().algorithm().name().equals(algorithm)) {
            throw new IllegalArgumentException("overlay " + overlay + " on this network runs "
                    + entry.get().algorithm().name() + ", not " + algorithm);
        }
        List<Address> peers = new ArrayList<>();
        for (HostPort hp : entry.get().bootstrapPeers()) {
            try {
                peers.add(Address.parse(hp.host() + ":" + hp.port()));
            } catch (IllegalArgumentException e) {
                // a host name that is not an IPv4 address: not one a client can reach
            }
        }
        return peers;
    }

    /** The future's value within {@link #REQUEST_LIMIT}; its failure as an {@link IllegalStateException} that says what failed. */
    private static <T> T await(java.util.concurrent.CompletableFuture<T> f, String what) throws InterruptedException {
        try {
            return f.get(REQUEST_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " got no answer within " + REQUEST_LIMIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() instanceof java.util.concurrent.CompletionException ce && ce.getCause() != null
                    ? ce.getCause() : e.getCause();
            throw new IllegalStateException(what + " failed: " + (c.getMessage() == null ? c.toString() : c.getMessage()));
        }
    }
}
