package org.interlay.kademlia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.junit.jupiter.api.Test;

/** Section 2.2's update rule, on one bucket of capacity 3. */
class KBucketTest {
    private static final int K = 3;
    private static final int ALIVE_SECONDS = 60;
    private final Random random = new Random(11);
    private final KBucket bucket = new KBucket();

    private NodeRef node(int n) {
        return new NodeRef(Key.random(random), new Address(0x7F000001, 2000 + n));
    }

    /** The bucket's clock, in seconds. */
    private int now = 1_000;

    private KBucket.Offer offer(NodeRef n) {
        return bucket.offer(n, n.id().toBytes(), K, now, ALIVE_SECONDS);
    }

    private List<NodeRef> contents() {
        List<NodeRef> out = new ArrayList<>();
        for (int i = 0; i < bucket.size(); i++) out.add(bucket.get(i));
        return out;
    }

    @Test
    void keepsContactsLeastRecentlySeenFirst() {
        NodeRef a = node(1), b = node(2), c = node(3);
        assertEquals(KBucket.Offer.ADDED, offer(a));
        assertEquals(KBucket.Offer.ADDED, offer(b));
        assertEquals(KBucket.Offer.ADDED, offer(c));
        assertEquals(KBucket.Offer.SEEN, offer(a));
        assertEquals(List.of(b, c, a), contents());
    }

    @Test
    void aNewcomerToAFullBucketWaitsOnAPingOfTheLeastRecentlySeen() {
        NodeRef a = node(1), b = node(2), c = node(3), newcomer = node(4);
        offer(a);
        offer(b);
        offer(c);
        now += ALIVE_SECONDS;
        assertEquals(KBucket.Offer.PING, offer(newcomer));
        assertEquals(a, bucket.pinged());
        assertEquals(newcomer, bucket.candidate());
        assertEquals(List.of(a, b, c), contents(), "nobody is pushed out before the ping is answered");
    }

    /** Section 4.1: a contact heard from lately is known to be alive; pinging it would tell nothing. */
    @Test
    void aNewcomerIsDroppedWithoutAPingWhileEvenTheLeastRecentlySeenContactIsFresh() {
        NodeRef a = node(1), b = node(2), c = node(3), newcomer = node(4);
        offer(a);
        offer(b);
        offer(c);
        now += ALIVE_SECONDS - 1;
        assertEquals(KBucket.Offer.DROPPED, offer(newcomer));
        assertNull(bucket.pinged());
        assertEquals(List.of(a, b, c), contents());
        now += 1;
        assertEquals(KBucket.Offer.PING, offer(newcomer));
    }

    @Test
    void whenThePingIsAnsweredTheOldContactStaysAndTheNewcomerIsDropped() {
        NodeRef a = node(1), b = node(2), c = node(3), newcomer = node(4);
        offer(a);
        offer(b);
        offer(c);
        now += ALIVE_SECONDS;
        offer(newcomer);
        bucket.pingAnswered(a, now);
        assertEquals(List.of(b, c, a), contents());
        assertNull(bucket.pinged());
        assertNull(bucket.candidate());
    }

    @Test
    void whenThePingIsNotAnsweredTheOldContactIsEvictedForTheNewcomer() {
        NodeRef a = node(1), b = node(2), c = node(3), newcomer = node(4);
        offer(a);
        offer(b);
        offer(c);
        now += ALIVE_SECONDS;
        offer(newcomer);
        assertEquals(newcomer, bucket.pingFailed(a));
        assertEquals(List.of(b, c, newcomer), contents());
        assertNull(bucket.pinged());
    }

    @Test
    void whileAPingIsOutTheLatestNewcomerWaits() {
        NodeRef a = node(1), b = node(2), c = node(3), first = node(4), second = node(5);
        offer(a);
        offer(b);
        offer(c);
        now += ALIVE_SECONDS;
        assertEquals(KBucket.Offer.PING, offer(first));
        assertEquals(KBucket.Offer.WAITING, offer(second));
        assertEquals(second, bucket.pingFailed(a));
        assertEquals(List.of(b, c, second), contents());
    }

    @Test
    void aLateAnswerToAnOldPingChangesNothing() {
        NodeRef a = node(1), b = node(2), c = node(3), newcomer = node(4);
        offer(a);
        offer(b);
        offer(c);
        now += ALIVE_SECONDS;
        offer(newcomer);
        bucket.pingFailed(a);
        bucket.pingAnswered(a, now);
        assertNull(bucket.pingFailed(a));
        assertEquals(List.of(b, c, newcomer), contents());
    }

    @Test
    void losingThePingedContactOtherwiseLetsTheNewcomerIn() {
        NodeRef a = node(1), b = node(2), c = node(3), newcomer = node(4);
        offer(a);
        offer(b);
        offer(c);
        now += ALIVE_SECONDS;
        offer(newcomer);
        assertEquals(a, bucket.remove(a.address()));
        assertEquals(List.of(b, c, newcomer), contents());
        assertNull(bucket.pingFailed(a), "the ping's failure arriving afterwards is a no-op");
    }

    @Test
    void aContactHeardAtANewAddressKeepsItsPlaceInLineAndTakesTheAddress() {
        NodeRef a = node(1), b = node(2);
        offer(a);
        offer(b);
        NodeRef moved = new NodeRef(a.id(), new Address(0x7F000002, 9999));
        assertEquals(KBucket.Offer.SEEN, offer(moved));
        assertEquals(List.of(b, moved), contents());
    }

    @Test
    void appendsContactsClosestToATargetFirst() {
        for (int i = 0; i < 3; i++) offer(node(i));
        Key target = Key.random(random);
        List<NodeRef> out = new ArrayList<>();
        bucket.appendByDistance(target.toBytes(), out);
        List<NodeRef> expected = new ArrayList<>(contents());
        expected.sort((x, y) -> x.id().xor(target).compareTo(y.id().xor(target)));
        assertEquals(expected, out);
    }
}
