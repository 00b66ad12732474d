package org.interlay.chord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.interlay.overlay.Key;
import org.interlay.overlay.Record;
import org.interlay.overlay.secure.RecordPolicies;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.overlay.node.msg.RecordCopy;
import org.interlay.overlay.node.msg.StoreAck;
import org.interlay.overlay.node.msg.StoreRequest;
import org.interlay.overlay.rpc.RemoteErrorException;
import org.interlay.overlay.secure.RecordSigner;
import org.interlay.overlay.wire.WireReader;
import org.interlay.overlay.wire.WireWriter;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Credentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An enrolled node (its node certificate is valid) attacks alice's binding in a secure overlay, where
 * the chord.lab agent stored it signed. Every forgery goes both the normal way (a put, through the
 * responsible node) and straight to each holder (a replica's store request), and each is refused by
 * every holder: the test reads each holder's store afterwards.
 */
@Timeout(120)
class SignedRecordAttackTest {
    private static final String ALICE = "sip:alice@chord.lab";
    private static final long HOUR = 3_600_000;

    private SecureRing ring;
    private RecordSigner agent;
    private Record alice;
    private List<OverlayNode> holders;
    private OverlayNode rogue;
    private RecordSigner rogueSigner;

    @BeforeEach
    void aliceRegisteredThroughTheAgent() throws Exception {
        ring = new SecureRing(16, 41);
        agent = ring.signer(ring.issue(CertifiedIdentity.agent("chord.lab")));
        alice = put(ring.cluster.randomLive(), agent.sign(binding("sip:alice@127.0.0.1:5070"), ring.cluster.scheduler()));
        holders = ring.holders(alice.key());
        assertTrue(holders.size() >= 2, "the responsible node and its replicas hold alice's binding: " + holders.size());
        ring.assertEveryHolderKeeps(alice, holders);
        rogue = ring.cluster.live().stream().filter(n -> !holders.contains(n)).findFirst().orElseThrow();
        rogueSigner = ring.signer(ring.credentials.get(rogue));
    }

    private Record binding(String contact) {
        return Record.of("sip-binding", ALICE, contact.getBytes(StandardCharsets.UTF_8), "alice",
                ring.cluster.scheduler().nowMillis(), HOUR);
    }

    private Record put(OverlayNode through, Record r) {
        ring.cluster.await(through.put(r), SecureRing.LIMIT);
        return ring.cluster.live().stream().filter(n -> n.heldRecordsAndTombstones().contains(r)
                || n.heldRecordsAndTombstones().stream().anyMatch(h -> h.key().equals(r.key()) && h.version() == r.version()))
                .findFirst().map(n -> SecureRing.heldBy(n, r.key())).orElseThrow();
    }

    /** The forgery is refused as a put through the rogue (to the responsible node) and by each holder directly. */
    private void assertRefusedEverywhere(Record forged) {
        long before = ring.refusals();
        RuntimeException e = assertThrows(RuntimeException.class, () -> ring.cluster.await(rogue.put(forged), SecureRing.LIMIT));
        assertTrue(e instanceof RemoteErrorException, "the writer hears why: " + e);
        for (OverlayNode holder : holders) {
            StoreRequest direct = new StoreRequest(RecordCopy.of(forged, ring.cluster.scheduler().nowMillis()), false);
            CompletableFuture<StoreAck> ack = rogue.rpc().request(holder.self().address(), direct, StoreAck.class);
            assertThrows(RemoteErrorException.class, () -> ring.cluster.await(ack, SecureRing.LIMIT), "refused by " + holder.self());
        }
        ring.cluster.scheduler().runFor(30_000); // maintenance passes: nothing forged spreads
        ring.assertEveryHolderKeeps(alice, holders);
        assertTrue(ring.refusals() >= before + 1 + holders.size(), "each refusal is counted");
        Optional<Record> read = ring.cluster.await(ring.cluster.randomLive().get(alice.key()), SecureRing.LIMIT);
        assertEquals("sip:alice@127.0.0.1:5070", read.orElseThrow().valueAsText(), "alice is still reached where she registered");
    }

    @Test
    void aRogueNodeCannotOverwriteAliceWithItsOwnSignature() {
        Record takeover = binding("sip:mallory@127.0.0.1:6666").withVersion(alice.version() + 1);
        assertRefusedEverywhere(rogueSigner.sign(takeover, ring.cluster.scheduler()));
    }

    @Test
    void aRogueNodeCannotDeleteAliceWithItsOwnSignature() {
        assertRefusedEverywhere(rogueSigner.tombstone(alice, HOUR, ring.cluster.scheduler()));
    }

    @Test
    void aliceOldSignatureOnNewBytesIsRefused() {
        Record takeover = new Record(alice.key(), alice.kind(), alice.name(), "sip:mallory@127.0.0.1:6666".getBytes(StandardCharsets.UTF_8),
                alice.owner(), alice.expiresAtMillis(), alice.version() + 1, false, alice.signature());
        assertRefusedEverywhere(takeover);
    }

    @Test
    void aliceOldSignatureOnATombstoneIsRefused() {
        Record removal = new Record(alice.key(), alice.kind(), alice.name(), new byte[0], alice.owner(),
                alice.expiresAtMillis(), alice.version() + 1, true, alice.signature());
        assertRefusedEverywhere(removal);
    }

    @Test
    void aByteFlippedOnTheWireIsRefused() throws Exception {
        WireWriter out = new WireWriter();
        Record newer = agent.sign(binding("sip:alice@127.0.0.1:5071"), ring.cluster.scheduler());
        newer.writeTo(out, ring.cluster.scheduler().nowMillis());
        byte[] bytes = out.toByteArray();
        int inValue = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("5071") + 3;
        assertTrue(inValue > 3, "the value is on the wire");
        bytes[inValue] ^= 0x01; // ...:5070, alice's old port, signed for 5071
        Record flipped = Record.readFrom(new WireReader(bytes), ring.cluster.scheduler().nowMillis());
        assertEquals("sip:alice@127.0.0.1:5070", flipped.valueAsText());
        assertRefusedEverywhere(flipped);
    }

    @Test
    void anOlderVersionReplayedIsRefused() {
        Record moved = put(ring.cluster.randomLive(), agent.sign(binding("sip:alice@127.0.0.1:5072"), ring.cluster.scheduler()));
        assertTrue(moved.version() > alice.version());
        Record old = alice;
        alice = moved;
        long before = ring.staleRefusals();
        RuntimeException e = assertThrows(RuntimeException.class, () -> ring.cluster.await(rogue.put(old), SecureRing.LIMIT));
        assertTrue(e.getMessage().contains("older"), e.getMessage());
        for (OverlayNode holder : holders) {
            StoreRequest direct = new StoreRequest(RecordCopy.of(old, ring.cluster.scheduler().nowMillis()), false);
            ring.cluster.await(rogue.rpc().request(holder.self().address(), direct, StoreAck.class)
                    .handle((ack, x) -> null), SecureRing.LIMIT);
        }
        ring.cluster.scheduler().runFor(30_000);
        ring.assertEveryHolderKeeps(moved, ring.holders(moved.key()));
        assertTrue(ring.staleRefusals() > before, "the replay is counted");
        assertEquals("sip:alice@127.0.0.1:5072",
                ring.cluster.await(ring.cluster.randomLive().get(alice.key()), SecureRing.LIMIT).orElseThrow().valueAsText());
    }

    @Test
    void aBridgeRecordIsForRoutersOnly() {
        Record bridge = Record.of("sip-bridge", "bridge:pastry.lab", "sip:127.0.0.1:5090".getBytes(StandardCharsets.UTF_8), "r1",
                ring.cluster.scheduler().nowMillis(), HOUR);
        Record byAgent = agent.sign(bridge, ring.cluster.scheduler());
        RuntimeException e = assertThrows(RuntimeException.class, () -> ring.cluster.await(rogue.put(byAgent), SecureRing.LIMIT));
        assertTrue(e.getMessage().contains("only"), e.getMessage());
        assertTrue(ring.holders(bridge.key()).isEmpty(), "no node keeps the agent's bridge record");

        Credentials router = ring.issue(CertifiedIdentity.router("r1"));
        Record byRouter = ring.signer(router).sign(bridge, ring.cluster.scheduler());
        ring.cluster.await(rogue.put(byRouter), SecureRing.LIMIT);
        assertFalse(ring.holders(bridge.key()).isEmpty(), "a router's bridge record is kept");
    }

    @Test
    void unsignedRecordsAndUnknownKindsAreRefused() {
        Record unsigned = binding("sip:mallory@127.0.0.1:6666").withVersion(alice.version() + 1);
        assertThrows(RemoteErrorException.class, () -> ring.cluster.await(rogue.put(unsigned), SecureRing.LIMIT));
        Record unknown = agent.sign(Record.of("no-such-kind", ALICE, new byte[1], "alice", ring.cluster.scheduler().nowMillis(), HOUR),
                ring.cluster.scheduler());
        assertThrows(RemoteErrorException.class, () -> ring.cluster.await(rogue.put(unknown), SecureRing.LIMIT));
        ring.assertEveryHolderKeeps(alice, holders);
    }

    @Test
    void theRemovalAliceAgentSignsIsKept() {
        Record tomb = agent.tombstone(alice, HOUR, ring.cluster.scheduler());
        ring.cluster.await(ring.cluster.randomLive().put(tomb), SecureRing.LIMIT);
        ring.cluster.scheduler().runFor(30_000);
        assertTrue(ring.cluster.await(ring.cluster.randomLive().get(alice.key()), SecureRing.LIMIT).isEmpty());
        for (OverlayNode n : ring.holders(alice.key())) assertTrue(SecureRing.heldBy(n, alice.key()).deleted());
    }

    @Test
    void aReaderRefusesWhatARogueResponsibleNodeHandsOut() {
        // A rogue that keeps anything signed; what it keeps, it serves for the keys it is responsible for.
        OverlayNode liar = ring.joinNode(RecordPolicies.NONE.with("sip-binding", (record, signer) -> Optional.empty()));
        String victim = IntStream.range(0, 10_000).mapToObj(i -> "sip:user" + i + "@chord.lab")
                .filter(name -> ring.cluster.responsible(Key.hash(name)).equals(liar.self().id())).findFirst().orElseThrow();
        Record forged = ring.signer(ring.credentials.get(liar)).sign(Record.of("sip-binding", victim,
                "sip:mallory@127.0.0.1:6666".getBytes(StandardCharsets.UTF_8), "mallory", ring.cluster.scheduler().nowMillis(), HOUR),
                ring.cluster.scheduler());
        ring.cluster.await(liar.put(forged), SecureRing.LIMIT);
        assertEquals(List.of(liar), ring.holders(forged.key()), "its replicas refused the copies");
        OverlayNode reader = ring.cluster.live().stream().filter(n -> n != liar).findFirst().orElseThrow();
        long before = reader.stats().recordsRefused();
        assertEquals(Optional.empty(), ring.cluster.await(reader.get(forged.key()), SecureRing.LIMIT));
        assertTrue(reader.stats().recordsRefused() > before, "the reader counts what it refused");
    }
}
