package org.interlay.chord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.interlay.overlay.Key;
import org.interlay.overlay.Record;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.overlay.secure.AccessPolicy;
import org.interlay.overlay.secure.OverlayTrust;
import org.interlay.overlay.secure.RecordPolicies;
import org.interlay.overlay.secure.RecordSigner;
import org.interlay.overlay.sim.PlaneLatency;
import org.interlay.overlay.sim.SimCluster;
import org.interlay.overlay.sim.SimDefaults;
import org.interlay.time.WallClock;
import org.interlay.trust.Aor;
import org.interlay.trust.Authority;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Credentials;
import org.interlay.trust.Role;

/**
 * A simulated Chord ring of a secure overlay: one authority (seeded), every node enrolled with a node
 * certificate whose node-id is where it sits, and a table of record kinds like the SIP one (bindings
 * USER-MATCH, bridges routers only).
 */
final class SecureRing {
    static final String OVERLAY = "chord-test";
    static final long LIMIT = 10 * 60_000;
    static final RecordPolicies POLICIES = RecordPolicies.NONE
            .with("sip-binding", AccessPolicy.userMatch(name -> {
                try {
                    return Optional.of(Aor.parse(name));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }))
            .with("sip-bridge", AccessPolicy.role(Role.ROUTER));

    final Authority authority;
    final SimCluster cluster;
    final Map<OverlayNode, Credentials> credentials = new HashMap<>();

    SecureRing(int nodes, long seed) {
        authority = Authority.create("lab", Duration.ofDays(3650), InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z")),
                seeded(seed));
        NodeConfig open = NodeConfig.defaults(OVERLAY).withRpc(SimDefaults.RPC);
        cluster = new SimCluster(new ChordAlgorithm(), open, PlaneLatency.wideArea(seed), seed);
        List<CompletableFuture<OverlayNode>> joins = new java.util.ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            Credentials c = issue(CertifiedIdentity.node(authority.newNodeId(), Optional.of(OVERLAY)));
            OverlayTrust trust = new OverlayTrust(authority.trustStore(), c).withRecords(POLICIES);
            OverlayNode node = new OverlayNode(new ChordAlgorithm(), open.withTrust(trust), trust.nodeId(),
                    cluster.network().attach(), cluster.scheduler(), new Random(cluster.random().nextLong()));
            credentials.put(node, c);
            joins.add(cluster.join(node));
            cluster.scheduler().runFor(50);
        }
        cluster.await(CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)), LIMIT);
        assertTrue(cluster.stabilize(1_000, LIMIT), () -> cluster.disagreeing() + " nodes disagree with the global view");
    }

    /** One more enrolled node, keeping what {@code policies} let through; joined once the ring is stable again. */
    OverlayNode joinNode(RecordPolicies policies) {
        Credentials c = issue(CertifiedIdentity.node(authority.newNodeId(), Optional.of(OVERLAY)));
        OverlayTrust trust = new OverlayTrust(authority.trustStore(), c).withRecords(policies);
        OverlayNode node = new OverlayNode(new ChordAlgorithm(), NodeConfig.defaults(OVERLAY).withRpc(SimDefaults.RPC).withTrust(trust),
                trust.nodeId(), cluster.network().attach(), cluster.scheduler(), new Random(cluster.random().nextLong()));
        credentials.put(node, c);
        cluster.await(cluster.join(node), LIMIT);
        assertTrue(cluster.stabilize(1_000, LIMIT), () -> cluster.disagreeing() + " nodes disagree with the global view");
        return node;
    }

    Credentials issue(CertifiedIdentity identity) {
        return authority.issue(identity, Duration.ofDays(3650));
    }

    /** A writer signing with {@code c}, its signing times on the simulation's wall clock. */
    RecordSigner signer(Credentials c) {
        return new RecordSigner(c, WallClock.system(cluster.scheduler()));
    }

    /** The live nodes holding a record under {@code key}, as responsible node or replica. */
    List<OverlayNode> holders(Key key) {
        return cluster.live().stream().filter(n -> n.heldRecordsAndTombstones().stream().anyMatch(r -> r.key().equals(key))).toList();
    }

    /** The record (or tombstone) {@code node} holds under {@code key}. */
    static Record heldBy(OverlayNode node, Key key) {
        return node.heldRecordsAndTombstones().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    void assertEveryHolderKeeps(Record expected, List<OverlayNode> holders) {
        for (OverlayNode n : holders) {
            Record held = heldBy(n, expected.key());
            assertEquals(expected.version(), held.version(), () -> n.self() + " holds another version");
            assertEquals(expected.valueAsText(), held.valueAsText(), () -> n.self() + " holds other bytes");
            assertEquals(expected.signature(), held.signature(), () -> n.self() + " holds another signature");
            assertEquals(expected.deleted(), held.deleted(), () -> n.self() + " holds a tombstone");
        }
    }

    long refusals() {
        return cluster.live().stream().mapToLong(n -> n.stats().recordsRefused()).sum();
    }

    long staleRefusals() {
        return cluster.live().stream().mapToLong(n -> n.stats().staleRefused()).sum();
    }

    static SecureRandom seeded(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
