package org.interlay.router.bench;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.discovery.Algorithm;
import org.interlay.overlay.Overlay;
import org.interlay.router.PeerAgent;
import org.interlay.router.Router;
import org.interlay.router.RouterConfig;
import org.interlay.router.SipAgentConfig;
import org.interlay.router.bridge.SoleBridgeCoordinator;
import org.interlay.router.directory.DomainEntry;
import org.interlay.router.directory.StaticDomainDirectory;
import org.interlay.router.sip.AuthenticationMark;
import org.interlay.router.sip.SipDispatcher;
import org.interlay.router.sip.SipEndpoint;
import org.interlay.router.sip.SipEndpointConfig;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipTls;
import org.interlay.router.sip.TransactionSender;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.SipText;
import org.interlay.time.Clock;
import org.interlay.trust.Aor;
import org.interlay.trust.Authority;
import org.interlay.trust.CertifiedIdentity;

/**
 * MESSAGE/s through one router, open beside secure, in one run: an agent-like sender (pastry.lab)
 * keeps a window of MESSAGEs in flight to bob@kad.lab through the router, whose phone (a UDP socket)
 * answers 200. Open: over UDP, no assertion. Secure: over TLS with mutual certificates, each request
 * authenticated at the sender and carried with P-Asserted-Identity, checked at the router and removed
 * before the phone. Prints requests per second and p50/p99 of the time to the 200.
 * Arguments: [messages per run, default 5000] [window, default 64].
 */
public final class TlsRouterBenchmark {
    private static final Duration DAY = Duration.ofDays(1);

    private TlsRouterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        Authority authority = Authority.create("bench", Duration.ofDays(30), InstantSource.system(), new SecureRandom());
        System.out.printf("MESSAGE through one router, %d per run after a warm-up, %d in flight%n", count, window);
        System.out.printf("%-7s %10s %8s %8s %8s%n", "router", "msg/s", "p50 ms", "p99 ms", "failed");
        for (int round = 0; round < 2; round++) {
            for (boolean secure : new boolean[] {false, true}) {
                Result r = run(secure ? authority : null, count, window, round == 0);
                if (round == 1) System.out.printf("%-7s %10.0f %8.2f %8.2f %8d%n", secure ? "secure" : "open", r.perSecond(),
                        r.p50Millis(), r.p99Millis(), r.failed());
            }
        }
    }

    private record Result(double perSecond, double p50Millis, double p99Millis, int failed) {
    }

    private static SipEndpointConfig endpoint(String name, Authority authority, CertifiedIdentity identity) {
        SipEndpointConfig open = SipEndpointConfig.loopback(name, 0);
        return authority == null ? open : open.withTls(new SipTls(authority.issue(identity, DAY)));
    }

    private static Result run(Authority authority, int count, int window, boolean warmUp) throws Exception {
        InMemoryOverlay pastry = new InMemoryOverlay("pastry");
        InMemoryOverlay kad = new InMemoryOverlay("kad");
        Map<String, Overlay> overlays = Map.of("pastry", pastry, "kad", kad);
        StaticDomainDirectory directory = new StaticDomainDirectory(List.of(
                new DomainEntry("pastry.lab", "pastry", Algorithm.named("chord"), List.of(), List.of()),
                new DomainEntry("kad.lab", "kad", Algorithm.named("chord"), List.of(), List.of())));
        RouterConfig config = RouterConfig.defaults("bench", 0, List.of("pastry.lab", "kad.lab"));
        Router router = Router.start(config.withEndpoint(endpoint("router-bench", authority, CertifiedIdentity.router("bench"))),
                directory, e -> CompletableFuture.completedFuture(overlays.get(e.overlayName())), new SoleBridgeCoordinator());
        PeerAgent kadAgent = PeerAgent.start(kad, SipAgentConfig.defaults("kad.lab", 0)
                .withEndpoint(endpoint("kad.lab", authority, CertifiedIdentity.agent("kad.lab"))));
        AtomicBoolean answering = new AtomicBoolean(true);
        try (RawSipPeer bob = RawSipPeer.open();
             SipEndpoint sender = SipEndpoint.open(endpoint("pastry.lab", authority, CertifiedIdentity.agent("pastry.lab")),
                     new SipDispatcher(exchange -> exchange.respond(Response.NOT_IMPLEMENTED), response -> { }), Clock.system())) {
            register(bob, kadAgent.sipAddress());
            Thread phone = new Thread(() -> {
                while (answering.get()) {
                    bob.poll(Duration.ofMillis(100)).filter(m -> !m.isResponse()).ifPresent(m -> bob.answer(m, 200, "OK"));
                }
            }, "bench-phone");
            phone.start();
            InetSocketAddress hop = authority == null ? router.sipAddress() : router.tlsAddress().orElseThrow();
            TransactionSender out = new TransactionSender(sender.provider());
            if (warmUp) count = Math.min(count, 2000);
            Semaphore inFlight = new Semaphore(window);
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger failed = new AtomicInteger();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                inFlight.acquire();
                Request message = message(sender, hop, authority != null, i);
                if (authority != null) AuthenticationMark.mark(message, Aor.parse("sip:carol@pastry.lab"));
                long sent = System.nanoTime();
                out.send(message).whenComplete((response, error) -> {
                    if (error != null || response.getStatusCode() != 200) failed.incrementAndGet();
                    latencies.add(System.nanoTime() - sent);
                    inFlight.release();
                });
            }
            inFlight.acquire(window);
            double seconds = (System.nanoTime() - start) / 1e9;
            answering.set(false);
            phone.join();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return new Result(count / seconds, sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 99 / 100) / 1e6,
                    failed.get());
        } finally {
            answering.set(false);
            kadAgent.close();
            router.halt();
        }
    }

    private static Request message(SipEndpoint sender, InetSocketAddress hop, boolean tls, int i) throws Exception {
        int port = sender.localAddress().getPort();
        String text = "MESSAGE sip:bob@kad.lab SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-bench-" + i + "-" + System.nanoTime() + "\r\n"
                + "Route: <sip:127.0.0.1:" + hop.getPort() + (tls ? ";transport=tls" : "") + ";lr>\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:carol@pastry.lab>;tag=b" + i + "\r\n"
                + "To: <sip:bob@kad.lab>\r\n"
                + "Call-ID: bench-" + i + "-" + System.nanoTime() + "\r\n"
                + "CSeq: 1 MESSAGE\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: 5\r\n\r\nhello";
        return SipFactories.get().messages().createRequest(text);
    }

    private static void register(RawSipPeer bob, InetSocketAddress agent) {
        bob.send(bob.request("REGISTER", "sip:kad.lab", "sip:bob@kad.lab", "sip:bob@kad.lab", "bench-reg-" + System.nanoTime(), 1,
                "Contact: <" + bob.contact("bob") + ">\r\nExpires: 300\r\n", ""), agent);
        SipText answer = bob.receiveResponse(Duration.ofSeconds(10));
        if (answer.status() != 200) throw new IllegalStateException("REGISTER of bob: " + answer);
    }
}
