package org.interlay.kademlia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.interlay.overlay.Key;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.overlay.sim.PlaneLatency;
import org.interlay.overlay.sim.SimCluster;
import org.interlay.overlay.sim.SimDefaults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Section 2.2 on live nodes, with k = 2: node A's far bucket (159) is full with X and Y, and A has two
 * close neighbours, so that bucket is outside its neighbourhood and capped at k. Then a newcomer Z in
 * the same bucket gets in touch with A, after a quiet spell long enough that A does not take X and Y
 * to be alive without asking.
 */
class LeastRecentlySeenEvictionTest {
    private static final long MINUTE = 60_000;

    private final KademliaAlgorithm algorithm = new KademliaAlgorithm(KademliaConfig.DEFAULT.withK(2));
    private final SimCluster cluster = new SimCluster(algorithm, NodeConfig.defaults("kad.lab").withRpc(SimDefaults.RPC),
            PlaneLatency.wideArea(1), 1);
    private OverlayNode a, x, y;

    private OverlayNode start(String hex, OverlayNode bootstrap) {
        OverlayNode node = new OverlayNode(algorithm, NodeConfig.defaults("kad.lab").withRpc(SimDefaults.RPC),
                Key.fromHex(hex), cluster.network().attach(), cluster.scheduler(), new Random(hex.hashCode()));
        cluster.await(node.join(bootstrap == null ? List.of() : List.of(bootstrap.self().address())), MINUTE);
        return node;
    }

    private KBucket farBucketOfA() {
        return ((KademliaRouting) a.routing()).table().bucket(Key.BITS - 1);
    }

    private Set<Key> farContactsOfA() {
        Set<Key> ids = new HashSet<>();
        KBucket b = farBucketOfA();
        for (int i = 0; i < b.size(); i++) ids.add(b.get(i).id());
        return ids;
    }

    @BeforeEach
    void aWithAFullFarBucket() {
        a = start("0000000000000000000000000000000000000000", null);
        start("0000000000000000000000000000000000000001", a);
        start("0000000000000000000000000000000000000002", a);
        x = start("8000000000000000000000000000000000000000", a);
        y = start("8000000000000000000000000000000000000001", a);
        // Quiet for longer than the alive window: A must ping its least-recently seen far contact.
        cluster.scheduler().runFor(MINUTE + algorithm.config().aliveWindow().toMillis());
        assertEquals(Set.of(x.self().id(), y.self().id()), farContactsOfA());
        assertTrue(((KademliaRouting) a.routing()).table().neighbourhoodIndex() < Key.BITS - 1);
    }

    @Test
    void aLeastRecentlySeenContactThatAnswersThePingStaysAndTheNewcomerIsDropped() {
        OverlayNode z = start("c000000000000000000000000000000000000000", a);
        cluster.scheduler().runFor(MINUTE);
        assertEquals(Set.of(x.self().id(), y.self().id()), farContactsOfA());
        assertFalse(farContactsOfA().contains(z.self().id()));
    }

    @Test
    void aLeastRecentlySeenContactThatDoesNotAnswerIsEvictedForTheNewcomer() {
        OverlayNode leastRecent = farBucketOfA().get(0).equals(x.self()) ? x : y;
        OverlayNode other = leastRecent == x ? y : x;
        leastRecent.halt();
        OverlayNode z = start("c000000000000000000000000000000000000000", a);
        cluster.scheduler().runFor(MINUTE);
        assertEquals(Set.of(other.self().id(), z.self().id()), farContactsOfA());
    }
}
