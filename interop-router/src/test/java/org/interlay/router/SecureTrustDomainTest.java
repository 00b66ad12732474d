package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.discovery.Algorithm;
import org.interlay.overlay.Overlay;
import org.interlay.router.bridge.SoleBridgeCoordinator;
import org.interlay.router.directory.DomainEntry;
import org.interlay.router.directory.StaticDomainDirectory;
import org.interlay.router.membership.OverlayJoiner;
import org.interlay.router.sip.AssertedIdentity;
import org.interlay.router.sip.AuthenticationMark;
import org.interlay.router.sip.SipDispatcher;
import org.interlay.router.sip.SipEndpoint;
import org.interlay.router.sip.SipEndpointConfig;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipTls;
import org.interlay.router.sip.TransactionSender;
import org.interlay.router.testing.Eventually;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.SipText;
import org.interlay.time.Clock;
import org.interlay.trust.Aor;
import org.interlay.trust.Authority;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A secure deployment over loopback: a router and the agents of pastry.lab and kad.lab enrolled by one
 * authority talk SIP over TLS with mutual certificates; identities cross as P-Asserted-Identity inside
 * that trust domain and never leave it; requests that claim an enrolled user without proof are refused.
 * The attacks are real: a peer with another authority's certificate, a forged assertion over UDP, a
 * claimed From with no assertion.
 */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SecureTrustDomainTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration DAY = Duration.ofDays(1);

    private final Authority authority = Authority.create("lab", Duration.ofDays(30), InstantSource.system(), seeded(1));
    private final InMemoryOverlay pastry = new InMemoryOverlay("pastry");
    private final InMemoryOverlay kad = new InMemoryOverlay("kad");
    private final Map<String, Overlay> byOverlayName = Map.of("pastry", pastry, "kad", kad);
    private final StaticDomainDirectory directory = new StaticDomainDirectory(List.of(
            entry("pastry.lab", "pastry"), entry("kad.lab", "kad")));
    private final OverlayJoiner joiner = e -> CompletableFuture.completedFuture(byOverlayName.get(e.overlayName()));
    private Router router;
    private PeerAgent pastryAgent;
    private PeerAgent kadAgent;

    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DomainEntry entry(String domain, String overlay) {
        return new DomainEntry(domain, overlay, Algorithm.named("chord"), List.of(), List.of());
    }

    private static SipEndpointConfig secure(String name, Credentials credentials) {
        return SipEndpointConfig.loopback(name, 0).withTls(new SipTls(credentials));
    }

    @BeforeEach
    void start() throws Exception {
        RouterConfig routerConfig = RouterConfig.defaults("r1", 0, List.of("pastry.lab", "kad.lab"));
        router = Router.start(routerConfig.withEndpoint(secure("router-r1",
                authority.issue(CertifiedIdentity.router("r1"), DAY))), directory, joiner, new SoleBridgeCoordinator());
        pastryAgent = PeerAgent.start(pastry, SipAgentConfig.defaults("pastry.lab", 0)
                .withEndpoint(secure("pastry.lab", authority.issue(CertifiedIdentity.agent("pastry.lab"), DAY))));
        kadAgent = PeerAgent.start(kad, SipAgentConfig.defaults("kad.lab", 0)
                .withEndpoint(secure("kad.lab", authority.issue(CertifiedIdentity.agent("kad.lab"), DAY))));
    }

    @AfterEach
    void stop() {
        router.halt();
        pastryAgent.close();
        kadAgent.close();
    }

    /** A SIP element of its own with {@code credentials}, sending requests as an agent would. */
    private static final class TestElement implements AutoCloseable {
        final SipEndpoint endpoint;
        final TransactionSender sender;

        TestElement(Credentials credentials) throws Exception {
            endpoint = SipEndpoint.open(secure("test-element", credentials),
                    new SipDispatcher(exchange -> exchange.respond(Response.NOT_IMPLEMENTED), response -> { }), Clock.system());
            sender = new TransactionSender(endpoint.provider());
        }

        /** A MESSAGE from {@code from} to {@code to}, routed through the TLS listening point at {@code hop}. */
        Request message(String from, String to, InetSocketAddress hop, String extraHeaders) throws Exception {
            return request("MESSAGE", from, to, hop, extraHeaders);
        }

        Request request(String method, String from, String to, InetSocketAddress hop, String extraHeaders) throws Exception {
            InetSocketAddress self = endpoint.localAddress();
            String contact = method.equals("INVITE") ? "Contact: <sip:carol@127.0.0.1:" + self.getPort() + ">\r\n" : "";
            String text = method + " " + to + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/TLS 127.0.0.1:" + self.getPort() + ";branch=z9hG4bK-tls-" + System.nanoTime() + "\r\n"
                    + "Route: <sip:127.0.0.1:" + hop.getPort() + ";transport=tls;lr>\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <" + from + ">;tag=t" + self.getPort() + "\r\n"
                    + "To: <" + to + ">\r\n"
                    + "Call-ID: tls-" + System.nanoTime() + "\r\n"
                    + "CSeq: 1 " + method + "\r\n"
                    + "Content-Type: text/plain\r\n"
                    + contact
                    + extraHeaders
                    + "Content-Length: 5\r\n\r\nhello";
            return SipFactories.get().messages().createRequest(text);
        }

        @Override
        public void close() {
            endpoint.close();
        }
    }

    /**
     * No response came over a refused handshake: the send failed at once (the client refused), or the
     * transaction is left to time out (TLS 1.3: the server's refusal reaches the client after its write).
     */
    private static void assertNoAnswer(CompletableFuture<Response> answer) {
        assertTrue(!answer.isDone() || answer.isCompletedExceptionally(), "no response over a refused handshake");
    }

    /** Registers {@code user} at {@code agent} with the raw peer as its contact. */
    private static void register(RawSipPeer phone, String user, InetSocketAddress agent) {
        phone.send(phone.request("REGISTER", "sip:" + user.substring(user.indexOf('@') + 1), "sip:" + user, "sip:" + user,
                "reg-" + System.nanoTime(), 1, "Contact: <" + phone.contact(user.substring(0, user.indexOf('@'))) + ">\r\nExpires: 300\r\n",
                ""), agent);
        assertEquals(200, phone.receiveResponse(WAIT).status(), "REGISTER of " + user);
    }

    @Test
    void anAgentsAssertionCrossesTheRouterOverTlsAndIsRemovedWhereTheRequestLeavesTheTrustDomain() throws Exception {
        try (RawSipPeer bob = RawSipPeer.open();
             TestElement agent = new TestElement(authority.issue(CertifiedIdentity.agent("pastry.lab"), DAY))) {
            register(bob, "bob@kad.lab", kadAgent.sipAddress());
            Request message = agent.message("sip:carol@pastry.lab", "sip:bob@kad.lab", router.tlsAddress().orElseThrow(), "");
            AuthenticationMark.mark(message, Aor.parse("sip:carol@pastry.lab"));
            CompletableFuture<Response> answer = agent.sender.send(message);

            SipText delivered = bob.receive(WAIT);
            assertEquals("MESSAGE", delivered.method());
            assertTrue(delivered.header(AssertedIdentity.HEADER).isEmpty(),
                    "the assertion does not leave the trust domain: " + delivered);
            bob.answer(delivered, 200, "OK");
            assertEquals(200, answer.get(WAIT.toSeconds(), TimeUnit.SECONDS).getStatusCode());
            assertEquals("<sip:carol@pastry.lab>", message.getHeader(AssertedIdentity.HEADER).toString()
                    .substring(AssertedIdentity.HEADER.length() + 1).trim(), "the agent asserted its authenticated user");
            assertEquals(0, router.identityRefusals().count());
            assertEquals(0, router.tlsRefusals());
        }
    }

    @Test
    void aRouterAssertsOverTlsTooAndAnInviteLeavesForThePhoneWithoutTheAssertion() throws Exception {
        try (RawSipPeer bob = RawSipPeer.open();
             TestElement otherRouter = new TestElement(authority.issue(CertifiedIdentity.router("r2"), DAY))) {
            register(bob, "bob@kad.lab", kadAgent.sipAddress());
            Request invite = otherRouter.request("INVITE", "sip:carol@pastry.lab", "sip:bob@kad.lab",
                    router.tlsAddress().orElseThrow(), "P-Asserted-Identity: <sip:carol@pastry.lab>\r\n");
            CompletableFuture<Response> answer = otherRouter.sender.send(invite);
            SipText delivered = bob.receive(WAIT);
            assertEquals("INVITE", delivered.method());
            assertTrue(delivered.header(AssertedIdentity.HEADER).isEmpty(), "not beyond the trust domain: " + delivered.headers());
            bob.answer(delivered, 486, "Busy Here");
            assertEquals(486, answer.get(WAIT.toSeconds(), TimeUnit.SECONDS).getStatusCode());
            assertEquals(0, router.identityRefusals().count(), "a router's assertion is believed");
        }
    }

    @Test
    void aPeerWithAnotherAuthoritysCertificateIsRefusedInTheHandshake() throws Exception {
        Authority other = Authority.create("elsewhere", Duration.ofDays(30), InstantSource.system(), seeded(2));
        try (RawSipPeer bob = RawSipPeer.open();
             TestElement intruder = new TestElement(other.issue(CertifiedIdentity.agent("pastry.lab"), DAY))) {
            register(bob, "bob@kad.lab", kadAgent.sipAddress());
            Request message = intruder.message("sip:carol@pastry.lab", "sip:bob@kad.lab", router.tlsAddress().orElseThrow(),
                    "P-Asserted-Identity: <sip:carol@pastry.lab>\r\n");
            CompletableFuture<Response> answer = intruder.sender.send(message);
            Eventually.await(() -> intruder.endpoint.tlsRefusals().count() == 1, WAIT, "the intruder refusing the router");
            assertNoAnswer(answer);
            assertTrue(bob.poll(Duration.ofMillis(300)).isEmpty(), "nothing reached bob");
        }
    }

    @Test
    void aClientWithAnotherAuthoritysCertificateIsRefusedByTheRoutersHandshake() throws Exception {
        Authority other = Authority.create("elsewhere", Duration.ofDays(30), InstantSource.system(), seeded(3));
        Credentials foreign = other.issue(CertifiedIdentity.agent("pastry.lab"), DAY);
        // it trusts this deployment's authority, so only the router can refuse: its certificate is foreign
        Credentials posing = new Credentials(foreign.certificate(), foreign.key(), authority.certificate());
        try (TestElement intruder = new TestElement(posing)) {
            Request message = intruder.message("sip:carol@pastry.lab", "sip:bob@kad.lab", router.tlsAddress().orElseThrow(),
                    "P-Asserted-Identity: <sip:carol@pastry.lab>\r\n");
            CompletableFuture<Response> answer = intruder.sender.send(message);
            Eventually.await(() -> router.tlsRefusals() == 1, WAIT, "the router refusing the intruder's certificate");
            assertEquals(0, intruder.endpoint.tlsRefusals().count(), "the intruder accepted the router");
            assertNoAnswer(answer);
            assertEquals(0, router.identityRefusals().count(), "no request was read from the intruder");
        }
    }

    /** Trusts whatever server it meets: the test's client wants to reach the router, not to check it. */
    private static final class AnyServer implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }

    @Test
    void aClientWithoutACertificateIsNeverHeard() throws Exception {
        javax.net.ssl.SSLContext noCertificate = javax.net.ssl.SSLContext.getInstance("TLS");
        noCertificate.init(null, new javax.net.ssl.TrustManager[] {new AnyServer()}, seeded(4));
        InetSocketAddress tls = router.tlsAddress().orElseThrow();
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) noCertificate.getSocketFactory()
                .createSocket(tls.getAddress(), tls.getPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            String claim = "MESSAGE sip:bob@kad.lab SIP/2.0\r\nVia: SIP/2.0/TLS 127.0.0.1:9;branch=z9hG4bK-nocert\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:alice@pastry.lab>;tag=1\r\nTo: <sip:bob@kad.lab>\r\n"
                    + "Call-ID: nocert\r\nCSeq: 1 MESSAGE\r\nP-Asserted-Identity: <sip:alice@pastry.lab>\r\nContent-Length: 0\r\n\r\n";
            boolean heard;
            try {
                socket.getOutputStream().write(claim.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                heard = socket.getInputStream().read() >= 0;
            } catch (java.io.IOException refused) {
                heard = false;
            }
            assertFalse(heard, "a client without a certificate gets no answer");
        }
        assertEquals(0, router.identityRefusals().count(), "its request was never read");
    }

    @Test
    void anAuthenticatedUserIsKeptByCopiesAndAssertedOnlyOnATlsHop() throws Exception {
        try (TestElement agent = new TestElement(authority.issue(CertifiedIdentity.agent("pastry.lab"), DAY))) {
            Request received = agent.message("sip:carol@pastry.lab", "sip:bob@kad.lab", router.tlsAddress().orElseThrow(), "");
            AuthenticationMark.mark(received, Aor.parse("sip:carol@pastry.lab"));
            Request overUdp = (Request) received.clone();
            Request overTls = (Request) received.clone();
            assertEquals(Aor.parse("sip:carol@pastry.lab"), AuthenticationMark.of(overTls).orElseThrow());
            AssertedIdentity.atHop(overUdp, "udp");
            AssertedIdentity.atHop(overTls, "tls");
            assertFalse(AssertedIdentity.present(overUdp));
            assertEquals(List.of(Aor.parse("sip:carol@pastry.lab")), AssertedIdentity.of(overTls));
            AssertedIdentity.atHop(overTls, "tcp");
            assertFalse(AssertedIdentity.present(overTls), "removed where the request leaves the trust domain");
        }
    }

    @Test
    void anAgentMayNotAssertAUserOfAnotherDomain() throws Exception {
        try (TestElement agent = new TestElement(authority.issue(CertifiedIdentity.agent("pastry.lab"), DAY))) {
            Request message = agent.message("sip:bob@kad.lab", "sip:carol@pastry.lab", router.tlsAddress().orElseThrow(),
                    "P-Asserted-Identity: <sip:bob@kad.lab>\r\n");
            Response answer = agent.sender.send(message).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(403, answer.getStatusCode());
            assertEquals(1, router.identityRefusals().count("assertion outside the agent's domain"));
        }
    }

    @Test
    void aForgedAssertionOverUdpIsRemovedAndTheUnprovedClaimRefused() throws Exception {
        try (RawSipPeer forger = RawSipPeer.open()) {
            forger.send(forger.request("MESSAGE", "sip:bob@kad.lab", "sip:alice@pastry.lab", "sip:bob@kad.lab",
                    "forged-" + System.nanoTime(), 1, "P-Asserted-Identity: <sip:alice@pastry.lab>\r\nContent-Type: text/plain\r\n",
                    "hi"), router.sipAddress());
            SipText answer = forger.receiveResponse(WAIT);
            assertEquals(403, answer.status(), answer.toString());
            assertEquals(1, router.identityRefusals().count("untrusted assertion removed"));
            assertEquals(1, router.identityRefusals().count("identity not asserted"));
        }
    }

    @Test
    void aClaimedFromWithoutAssertionIsRefusedAtTheRouterAndAtAnotherDomainsAgent() throws Exception {
        try (RawSipPeer claimant = RawSipPeer.open()) {
            claimant.send(claimant.request("MESSAGE", "sip:bob@kad.lab", "sip:alice@pastry.lab", "sip:bob@kad.lab",
                    "claim-" + System.nanoTime(), 1, "Content-Type: text/plain\r\n", "hi"), router.sipAddress());
            assertEquals(403, claimant.receiveResponse(WAIT).status());
            claimant.send(claimant.request("MESSAGE", "sip:bob@kad.lab", "sip:alice@pastry.lab", "sip:bob@kad.lab",
                    "claim-" + System.nanoTime(), 1, "Content-Type: text/plain\r\n", "hi"), kadAgent.sipAddress());
            assertEquals(403, claimant.receiveResponse(WAIT).status(), "kad.lab's agent does not believe a pastry.lab user");
            assertEquals(1, router.identityRefusals().count("identity not asserted"));
            assertEquals(1, kadAgent.identityRefusals().count("identity not asserted"));
        }
    }

    @Test
    void aPhonesUnauthenticatedRequestGoesToTheRouterOverTlsAndIsRefusedThere() throws Exception {
        try (RawSipPeer carol = RawSipPeer.open(); RawSipPeer bob = RawSipPeer.open()) {
            register(bob, "bob@kad.lab", kadAgent.sipAddress());
            register(carol, "carol@pastry.lab", pastryAgent.sipAddress());
            carol.send(carol.request("MESSAGE", "sip:bob@kad.lab", "sip:carol@pastry.lab", "sip:bob@kad.lab",
                    "phone-" + System.nanoTime(), 1, "Content-Type: text/plain\r\n", "hi"), pastryAgent.sipAddress());
            SipText answer = carol.receiveResponse(WAIT);
            assertEquals(403, answer.status(), "the agent authenticated nobody, so asserted nobody: " + answer);
            assertEquals(0, pastryAgent.identityRefusals().count(), "the agent leaves its own phones to its digest challenge");
            assertEquals(1, router.identityRefusals().count("identity not asserted"));
            assertFalse(bob.poll(Duration.ofMillis(300)).isPresent());
        }
    }

    @Test
    void whenTheRouterDiesTheAgentsBrokenTlsHopFailsOverAndEndsAsOverUdp() throws Exception {
        try (RawSipPeer carol = RawSipPeer.open(); RawSipPeer bob = RawSipPeer.open()) {
            register(bob, "bob@kad.lab", kadAgent.sipAddress());
            register(carol, "carol@pastry.lab", pastryAgent.sipAddress());
            carol.send(carol.request("MESSAGE", "sip:bob@kad.lab", "sip:carol@pastry.lab", "sip:bob@kad.lab",
                    "before-" + System.nanoTime(), 1, "Content-Type: text/plain\r\n", "hi"), pastryAgent.sipAddress());
            assertEquals(403, carol.receiveResponse(WAIT).status(), "the TLS connection to the router is up");
            router.halt();
            Instant sent = Instant.now();
            carol.send(carol.request("MESSAGE", "sip:bob@kad.lab", "sip:carol@pastry.lab", "sip:bob@kad.lab",
                    "after-" + System.nanoTime(), 1, "Content-Type: text/plain\r\n", "hi"), pastryAgent.sipAddress());
            SipText answer = carol.receiveResponse(Duration.ofSeconds(40));
            // as over UDP and TCP: the agent fails over within its window (no other router here), then its
            // 503 is relayed as 500 (RFC 3261 section 16.7 step 6)
            assertEquals(500, answer.status(), answer + " after " + Duration.between(sent, Instant.now()).toMillis() + " ms");
            assertEquals("Next hop unavailable", answer.reason());
        }
    }
}
