package org.interlay.router.torture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.interlay.discovery.Algorithm;
import org.interlay.router.PeerAgent;
import org.interlay.router.Router;
import org.interlay.router.RouterConfig;
import org.interlay.router.SipAgentConfig;
import org.interlay.router.bridge.SoleBridgeCoordinator;
import org.interlay.router.directory.DomainEntry;
import org.interlay.router.directory.StaticDomainDirectory;
import org.interlay.router.sip.Slf4jStackLogger;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.SipText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 49 torture messages of RFC 4475, each sent over UDP on loopback to a real peer agent and to a
 * real router, both serving example.com (the domain the messages are written for), and the answer
 * checked against what the RFC expects. The table of what each did is printed at the end and written
 * to {@code target/rfc4475-table.md} (docs/RFC4475.md is a copy of one run).
 */
@Tag("slow")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Rfc4475TortureTest {
    private static final String DOMAIN = "example.com";
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(3);
    /** How long a test waits before it takes silence for a drop. */
    private static final Duration SILENCE = Duration.ofMillis(400);

    private final InMemoryOverlay agentOverlay = new InMemoryOverlay("agent-overlay");
    private final InMemoryOverlay routerOverlay = new InMemoryOverlay("router-overlay");
    /** A router bridges two domains at least: the second, example.net, is served too. */
    private final InMemoryOverlay secondOverlay = new InMemoryOverlay("second-overlay");
    private final Map<String, String[]> table = new LinkedHashMap<>();
    private PeerAgent agent;
    private Router router;

    @BeforeAll
    void start() throws Exception {
        agent = PeerAgent.start(agentOverlay, SipAgentConfig.defaults(DOMAIN, 0));
        StaticDomainDirectory directory = new StaticDomainDirectory(List.of(
                new DomainEntry(DOMAIN, "router-overlay", Algorithm.named("chord"), List.of(), List.of()),
                new DomainEntry("example.net", "second-overlay", Algorithm.named("chord"), List.of(), List.of())));
        router = Router.start(RouterConfig.defaults("r1", 0, List.of(DOMAIN, "example.net")), directory,
                entry -> CompletableFuture.completedFuture(entry.domain().equals(DOMAIN) ? routerOverlay : secondOverlay),
                new SoleBridgeCoordinator());
        for (TortureMessage m : TortureMessage.all()) {
            table.put(m.name(), new String[] {m.name(), m.section(), m.expected().rfcSays(), "", ""});
        }
    }

    @AfterAll
    void stop() throws IOException {
        try {
            assertStillServes(agent.sipAddress(), "the agent");
            assertStillServes(router.sipAddress(), "the router");
        } finally {
            agent.close();
            router.halt();
            agentOverlay.halt();
            routerOverlay.halt();
            secondOverlay.halt();
            writeTable();
        }
    }

    List<TortureMessage> messages() {
        return TortureMessage.all();
    }

    @ParameterizedTest(name = "agent: {0}")
    @MethodSource("messages")
    void peerAgentAnswersAsTheRfcSays(TortureMessage message) {
        exchange(message, agent.sipAddress(), agent::malformedInput, agentOverlay, 3);
    }

    @ParameterizedTest(name = "router: {0}")
    @MethodSource("messages")
    void routerAnswersAsTheRfcSays(TortureMessage message) {
        exchange(message, router.sipAddress(), router::malformedInput, routerOverlay, 4);
    }

    /** Sends {@code message} to {@code element}, writes what happened into the table's {@code column}, and checks it. */
    private void exchange(TortureMessage message, InetSocketAddress element, java.util.function.LongSupplier dropped,
                          InMemoryOverlay overlay, int column) {
        long droppedBefore = dropped.getAsLong() + Slf4jStackLogger.stackErrors().count();
        try (RawSipPeer peer = RawSipPeer.open()) {
            peer.send(message.sentFrom(peer.port()), element);
            boolean silenceAllowed = message.expected() == TortureExpectation.BAD_REQUEST
                    || message.expected() == TortureExpectation.DISCARDED_RESPONSE;
            Optional<SipText> answer = finalAnswer(peer, silenceAllowed ? SILENCE : ANSWER_WAIT);
            long counted = dropped.getAsLong() + Slf4jStackLogger.stackErrors().count() - droppedBefore;
            String did = answer.map(a -> a.firstLine().substring(8)).orElse(counted > 0 ? "dropped, counted" : "nothing sent");
            table.get(message.name())[column] = did;
            check(message, answer, counted, overlay, did);
        }
    }

    private static void check(TortureMessage message, Optional<SipText> answer, long counted, InMemoryOverlay overlay,
                              String did) {
        String what = message.name() + " (" + message.expected().rfcSays() + ") got " + did;
        switch (message.expected()) {
            case ANSWERED -> {
                assertTrue(answer.isPresent(), what);
                int status = answer.get().status();
                // a 500 from the stack choking is a failure; a proxy's 500 for a contact it could not reach
                // (RFC 3261 section 16.7 turns a branch's 503 into 500) is an answer to a well-formed request
                boolean proxied = status == 500 && answer.get().reason().equals("Next hop unavailable");
                assertTrue(status != 400 && (status != 500 || proxied), what);
            }
            case RFC2543_FORM -> {
                assertTrue(answer.isPresent(), what);
                assertTrue(answer.get().status() != 400 || answer.get().reason().startsWith("Missing "), what);
            }
            case BAD_REQUEST -> {
                answer.ifPresentOrElse(a -> assertEquals(400, a.status(), what), () -> assertTrue(counted > 0, what));
                if (message.name().equals("regbadct")) {
                    assertTrue(overlay.held("sip:user@example.com").isEmpty(), "regbadct stored a binding");
                }
            }
            case VERSION_NOT_SUPPORTED -> assertEquals(505, answer.map(SipText::status).orElse(0), what);
            case DISCARDED_RESPONSE -> assertTrue(answer.isEmpty(), what);
            case BAD_EXTENSION -> {
                assertEquals(420, answer.map(SipText::status).orElse(0), what);
                String unsupported = String.join(",", answer.get().headers("Unsupported"));
                assertTrue(unsupported.contains("noProxiesSupportThis") && unsupported.contains("norDoAnyProxiesSupportThis"),
                        what + ", Unsupported: " + unsupported);
            }
            case UNSUPPORTED_SCHEME -> assertEquals(416, answer.map(SipText::status).orElse(0), what);
            case REFUSED -> {
                int status = answer.map(SipText::status).orElse(0);
                assertTrue(status == 400 || status == 416, what);
                assertTrue(overlay.held("isbn:2983792873").isEmpty(), "unksm2 stored a binding");
            }
            default -> fail("no check for " + message.expected());
        }
    }

    /** The first final response within {@code wait}; provisional ones are skipped. */
    /**
     * The final answer within {@code wait}; else the last provisional one, for an INVITE a proxy has
     * taken in its transaction (100 Trying) and forwarded to a contact that does not answer within the wait.
     */
    private static Optional<SipText> finalAnswer(RawSipPeer peer, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<SipText> provisional = Optional.empty();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return provisional;
            Optional<SipText> m = peer.poll(Duration.ofNanos(left));
            if (m.isEmpty()) return provisional;
            if (m.get().isResponse() && m.get().status() >= 200) return m;
            if (m.get().isResponse()) provisional = m;
        }
    }

    private static void assertStillServes(InetSocketAddress element, String who) {
        try (RawSipPeer peer = RawSipPeer.open()) {
            String self = element.getAddress().getHostAddress() + ":" + element.getPort();
            peer.send(peer.request("OPTIONS", "sip:" + self, "sip:tester@example.com", "sip:" + self, "alive-" + peer.port(), 1,
                    "", ""), element);
            assertEquals(200, peer.receiveResponse(ANSWER_WAIT).status(), who + " answers OPTIONS after the torture");
        }
    }

    private void writeTable() throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("| message | RFC 4475 | RFC expects | peer agent did | router did |\n");
        out.append("|---|---|---|---|---|\n");
        for (String[] row : table.values()) {
            out.append("| ").append(String.join(" | ", row[0], "§" + row[1], row[2], row[3], row[4])).append(" |\n");
        }
        System.out.print(out);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            try {
                Files.writeString(target.resolve("rfc4475-table.md"), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
