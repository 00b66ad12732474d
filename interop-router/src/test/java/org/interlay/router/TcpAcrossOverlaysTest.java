package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.interlay.discovery.Algorithm;
import org.interlay.overlay.Overlay;
import org.interlay.router.bridge.SoleBridgeCoordinator;
import org.interlay.router.directory.DomainEntry;
import org.interlay.router.directory.StaticDomainDirectory;
import org.interlay.router.membership.OverlayJoiner;
import org.interlay.router.sip.SipTransport;
import org.interlay.router.testing.Eventually;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.router.testing.SipText;
import org.interlay.router.testing.TcpSipConnection;
import org.interlay.router.ua.IncomingMessage;
import org.interlay.router.ua.UserAgent;
import org.interlay.router.ua.UserAgentConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SIP over TCP through a router between two overlays (each a shared in-memory double of the DHT). */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TcpAcrossOverlaysTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final InMemoryOverlay pastry = new InMemoryOverlay("pastry");
    private final InMemoryOverlay kad = new InMemoryOverlay("kad");
    private final Map<String, Overlay> byOverlayName = Map.of("pastry", pastry, "kad", kad);
    private final StaticDomainDirectory directory = new StaticDomainDirectory(List.of(
            entry("pastry.lab", "pastry"), entry("kad.lab", "kad")));
    private final OverlayJoiner joiner = e -> CompletableFuture.completedFuture(byOverlayName.get(e.overlayName()));
    private Router router;
    private PeerAgent pastryAgent;
    private PeerAgent kadAgent;

    private static DomainEntry entry(String domain, String overlay) {
        return new DomainEntry(domain, overlay, Algorithm.named("chord"), List.of(), List.of());
    }

    @BeforeEach
    void start() throws Exception {
        router = Router.start(RouterConfig.defaults("r1", 0, List.of("pastry.lab", "kad.lab")), directory, joiner,
                new SoleBridgeCoordinator());
        pastryAgent = PeerAgent.start(pastry, SipAgentConfig.defaults("pastry.lab", 0));
        kadAgent = PeerAgent.start(kad, SipAgentConfig.defaults("kad.lab", 0));
    }

    @AfterEach
    void stop() {
        router.halt();
        pastryAgent.close();
        kadAgent.close();
    }

    @Test
    void theRouterAnswersARequestOverTcpOnItsConnection() {
        try (TcpSipConnection c = TcpSipConnection.connect(router.sipAddress())) {
            c.send(c.request("MESSAGE", "sip:x@nowhere.lab", "sip:carol@pastry.lab", "sip:x@nowhere.lab", "t1", 1,
                    "Content-Type: text/plain\r\n", "?"));
            SipText answer = c.receive(WAIT);
            assertEquals(404, answer.status());
            assertTrue(answer.header("Via").orElseThrow().startsWith("SIP/2.0/TCP"), answer.headers().toString());
        }
    }

    private static void exchange(UserAgent from, UserAgent to, String text) throws Exception {
        BlockingQueue<IncomingMessage> received = new LinkedBlockingQueue<>();
        to.onMessage(received::add);
        assertTrue(from.sendMessage(to.aor().toString(), text).get(10, TimeUnit.SECONDS).isSuccess(),
                from.aor() + " -> " + to.aor());
        assertEquals(text, Eventually.take(received, m -> true, WAIT, "the message at " + to.aor()).text());
    }

    @Test
    void messagesCrossBetweenAUserAgentOnTcpAndOneOnUdpInBothDirections() throws Exception {
        try (UserAgent carol = UserAgent.start(UserAgentConfig.of("sip:carol@pastry.lab", pastryAgent.sipAddress())
                .withTransport(SipTransport.TCP));
             UserAgent bob = UserAgent.start(UserAgentConfig.of("sip:bob@kad.lab", kadAgent.sipAddress()))) {
            assertTrue(carol.register(Duration.ofSeconds(300)).get(10, TimeUnit.SECONDS).isSuccess());
            assertTrue(bob.register(Duration.ofSeconds(300)).get(10, TimeUnit.SECONDS).isSuccess());
            String carolsBinding = new String(pastry.held("sip:carol@pastry.lab").orElseThrow().value(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(carolsBinding.contains(";transport=tcp"), "requests reach carol over TCP: " + carolsBinding);
            exchange(carol, bob, "tcp to udp");
            exchange(bob, carol, "udp to tcp");
            exchange(carol, bob, "large, so over tcp on every hop: " + "x".repeat(3000));
            exchange(bob, carol, "and back: " + "y".repeat(3000));
        }
    }
}
