package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.Record;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.overlay.secure.OverlayTrust;
import org.interlay.overlay.transport.UdpTransport;
import org.interlay.router.membership.InstalledAlgorithms;
import org.interlay.router.store.SipRecordPolicies;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.SipText;
import org.interlay.time.EventLoop;
import org.interlay.trust.Authority;
import org.interlay.trust.CertificateProfile;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.TrustStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A SIP agent in a secure overlay (enrolled nodes on UDP loopback, the SIP kinds' policies): with an
 * agent certificate of its domain it signs what it stores, so users register and are reached, and
 * messages for a user who is away are kept and delivered; without one, nothing it writes is kept.
 */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SecureOverlayAgentTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final EventLoop loop = new EventLoop("secure-chord");
    private final List<OverlayNode> nodes = new ArrayList<>();
    private Authority authority;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void enrolledOverlay() throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(17);
        authority = Authority.create("lab", Duration.ofDays(3650), InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z")), random);
        Random seeds = new Random(17);
        for (int i = 0; i < 4; i++) {
            OverlayTrust trust = new OverlayTrust(authority.trustStore(),
                    authority.issue(CertifiedIdentity.node(authority.newNodeId(), Optional.of("chord")), Duration.ofDays(3650)))
                    .withRecords(SipRecordPolicies.TABLE);
            NodeConfig config = NodeConfig.defaults("chord").withPeriods(2_000, 500).withTrust(trust);
            OverlayNode node = onLoop(() -> new OverlayNode(InstalledAlgorithms.named("chord"), config, trust.nodeId(),
                    UdpTransport.onLoopback(loop, 0), loop, new Random(seeds.nextLong())));
            List<Address> boot = nodes.isEmpty() ? List.of() : List.of(nodes.get(0).self().address());
            node.join(boot).orTimeout(10, TimeUnit.SECONDS).join();
            nodes.add(node);
        }
    }

    private <T> T onLoop(java.util.function.Supplier<T> action) {
        return java.util.concurrent.CompletableFuture.supplyAsync(action, loop::execute).join();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) c.close();
        nodes.forEach(OverlayNode::halt);
        loop.close();
    }

    private <T extends AutoCloseable> T closeLater(T c) {
        closing.add(0, c);
        return c;
    }

    private static SipText register(RawSipPeer peer, String user, InetSocketAddress agent) {
        peer.send(peer.request("REGISTER", "sip:chord.lab", "sip:" + user + "@chord.lab", "sip:" + user + "@chord.lab",
                "reg-" + user + "-" + peer.port(), 1, "Contact: <" + peer.contact(user) + ">\r\n", ""), agent);
        return peer.receiveResponse(WAIT);
    }

    private Optional<Record> read(String name) {
        return nodes.get(nodes.size() - 1).get(Key.hash(name)).orTimeout(5, TimeUnit.SECONDS).join();
    }

    @Test
    void anAgentWithItsDomainsCertificateRegistersAliceAndSheReceivesMessages() throws Exception {
        PeerAgent agent = closeLater(PeerAgent.start(nodes.get(0), SipAgentConfig.defaults("chord.lab", 0)
                .withCredentials(authority.issue(CertifiedIdentity.agent("chord.lab"), Duration.ofDays(3650)))));
        RawSipPeer alice = closeLater(RawSipPeer.open());
        RawSipPeer bob = closeLater(RawSipPeer.open());

        assertEquals(200, register(alice, "alice", agent.sipAddress()).status());
        Record binding = read("sip:alice@chord.lab").orElseThrow();
        assertTrue(binding.signed().isPresent(), "the binding is stored signed");
        assertEquals(CertifiedIdentity.agent("chord.lab"),
                CertificateProfile.identityOf(TrustStore.parse(binding.signature().certificate())));

        bob.send(bob.request("MESSAGE", "sip:alice@chord.lab", "sip:bob@chord.lab", "sip:alice@chord.lab", "m1", 1,
                "Content-Type: text/plain\r\n", "hello alice"), agent.sipAddress());
        SipText delivered = alice.receive(WAIT);
        assertEquals("hello alice", delivered.body());
        alice.answer(delivered, 200, "OK");
        assertEquals(200, bob.receiveResponse(WAIT).status());
        long refused = nodes.stream().mapToLong(n -> n.stats().recordsRefused()).sum();
        assertEquals(0, refused, "nothing the agent signed was refused");
    }

    @Test
    void aMessageForAnAbsentUserIsKeptSignedAndDeliveredWhenSheRegisters() throws Exception {
        PeerAgent agent = closeLater(PeerAgent.start(nodes.get(0), SipAgentConfig.defaults("chord.lab", 0)
                .withCredentials(authority.issue(CertifiedIdentity.agent("chord.lab"), Duration.ofDays(3650)))));
        RawSipPeer alice = closeLater(RawSipPeer.open());
        RawSipPeer bob = closeLater(RawSipPeer.open());
        assertEquals(200, register(alice, "alice", agent.sipAddress()).status());
        alice.send(alice.request("REGISTER", "sip:chord.lab", "sip:alice@chord.lab", "sip:alice@chord.lab",
                "reg-alice-" + alice.port(), 2, "Contact: *\r\nExpires: 0\r\n", ""), agent.sipAddress());
        assertEquals(200, alice.receiveResponse(WAIT).status());

        bob.send(bob.request("MESSAGE", "sip:alice@chord.lab", "sip:bob@chord.lab", "sip:alice@chord.lab", "m2", 1,
                "", "while you were out"), agent.sipAddress());
        assertEquals(202, bob.receiveResponse(WAIT).status());
        assertTrue(read("offline:sip:alice@chord.lab").orElseThrow().signed().isPresent(), "the mailbox index is signed");

        alice.send(alice.request("REGISTER", "sip:chord.lab", "sip:alice@chord.lab", "sip:alice@chord.lab",
                "reg-alice-" + alice.port(), 3, "Contact: <" + alice.contact("alice") + ">\r\n", ""), agent.sipAddress());
        assertEquals(200, alice.receiveResponse(WAIT).status());
        SipText kept = alice.receive(WAIT);
        assertEquals("while you were out", kept.body());
        alice.answer(kept, 200, "OK");
        assertEquals(0, nodes.stream().mapToLong(n -> n.stats().recordsRefused()).sum(), "nothing the agent signed was refused");
    }

    @Test
    void anAgentWithoutCredentialsStoresNothingInASecureOverlay() throws Exception {
        PeerAgent agent = closeLater(PeerAgent.start(nodes.get(0), SipAgentConfig.defaults("chord.lab", 0)));
        RawSipPeer alice = closeLater(RawSipPeer.open());
        assertNotEquals(200, register(alice, "alice", agent.sipAddress()).status());
        assertTrue(read("sip:alice@chord.lab").isEmpty());
        assertTrue(nodes.stream().mapToLong(n -> n.stats().recordsRefused()).sum() > 0, "the unsigned binding was refused");
    }
}
