package org.interlay.chord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.GlobalView;
import org.junit.jupiter.api.Test;

class FingerTableTest {
    private static final Key OWNER = Key.fromBigInteger(BigInteger.valueOf(1_000));
    private static int nextPort = 1;

    /** A node at {@code distance} clockwise from the owner. */
    private static NodeRef at(BigInteger distance) {
        return new NodeRef(OWNER.add(Key.fromBigInteger(distance)), new Address(0x7F000001, nextPort++));
    }

    private static BigInteger two(int i) {
        return BigInteger.ONE.shiftLeft(i);
    }

    @Test
    void anEmptyTableHasTheOwnerForEveryFinger() {
        FingerTable t = new FingerTable(OWNER);
        assertNull(t.finger(0));
        assertNull(t.finger(159));
        assertTrue(t.matches(new GlobalView(List.of(OWNER))));
    }

    @Test
    void oneNodeServesEveryFingerWhoseStartItDoesNotPass() {
        FingerTable t = new FingerTable(OWNER);
        NodeRef n = at(two(10).add(BigInteger.valueOf(5))); // between start 10 and start 11
        t.set(0, n);
        for (int i = 0; i <= 10; i++) assertSame(n, t.finger(i), "finger " + i);
        assertNull(t.finger(11), "beyond it, only the owner is known");
        assertEquals(1, t.size());
    }

    @Test
    void aLookupAnswerDropsTheNodesBetweenTheStartAndIt() {
        FingerTable t = new FingerTable(OWNER);
        NodeRef stale = at(two(20).add(BigInteger.ONE));
        t.offer(stale);
        NodeRef answer = at(two(21).add(BigInteger.TEN));
        t.set(20, answer); // successor(n + 2^20) is answer: nothing lives in [start, answer)
        assertEquals(List.of(answer), t.nodes());
        assertSame(answer, t.finger(20));
        assertSame(answer, t.finger(21));
    }

    @Test
    void anAnswerThatIsTheOwnerClearsEverythingFromTheStart() {
        FingerTable t = new FingerTable(OWNER);
        NodeRef near = at(two(3));
        NodeRef far = at(two(100));
        t.offer(near);
        t.offer(far);
        t.set(50, new NodeRef(OWNER, new Address(0x7F000001, 9)));
        assertEquals(List.of(near), t.nodes());
    }

    @Test
    void anAnswerBeforeTheStartIsIgnored() {
        FingerTable t = new FingerTable(OWNER);
        t.set(40, at(two(39)));
        assertEquals(0, t.size());
    }

    @Test
    void aNodeThatIsNoFingerIsNotKept() {
        FingerTable t = new FingerTable(OWNER);
        NodeRef nearer = at(two(30).add(BigInteger.ONE));
        NodeRef farther = at(two(30).add(BigInteger.TWO)); // same power-of-two band, behind the nearer one
        t.offer(farther);
        t.offer(nearer);
        assertEquals(List.of(nearer), t.nodes());
    }

    @Test
    void theSuccessorListFillsTheLowFingers() {
        FingerTable t = new FingerTable(OWNER);
        NodeRef stale = at(two(4).add(BigInteger.ONE));
        NodeRef farFinger = at(two(90));
        t.offer(stale);
        t.offer(farFinger);
        List<NodeRef> successors = List.of(at(BigInteger.ONE), at(BigInteger.valueOf(3)), at(two(6)));
        t.fillFromSuccessors(successors);
        assertEquals(List.of(successors.get(0), successors.get(1), successors.get(2), farFinger), t.nodes());
        assertSame(successors.get(1), t.finger(1));
        assertSame(successors.get(2), t.finger(2));
        assertSame(farFinger, t.finger(7));
    }

    @Test
    void removingAFailedNodeLeavesTheNextOneForItsFingers() {
        FingerTable t = new FingerTable(OWNER);
        NodeRef a = at(two(8));
        NodeRef b = at(two(9));
        t.offer(a);
        t.offer(b);
        assertTrue(t.remove(a.address()));
        assertFalse(t.remove(a.address()));
        assertSame(b, t.finger(8));
    }

    @Test
    void theIndexAfterANodeIsTheFirstStartBeyondIt() {
        assertEquals(11, FingerTable.firstIndexBeyond(OWNER, OWNER.add(Key.fromBigInteger(two(10).add(BigInteger.ONE)))));
        assertEquals(11, FingerTable.firstIndexBeyond(OWNER, OWNER.add(Key.powerOfTwo(10))));
        assertEquals(0, FingerTable.firstIndexBeyond(OWNER, OWNER));
        assertEquals(OWNER.add(Key.powerOfTwo(7)), FingerTable.start(OWNER, 7));
    }

    @Test
    void aTableBuiltFromTheTruthMatchesTheGlobalViewAndHoldsOnlyDistinctFingers() {
        Random random = new Random(7);
        List<Key> ids = new ArrayList<>();
        ids.add(OWNER);
        for (int i = 0; i < 5_000; i++) ids.add(Key.random(random));
        GlobalView view = new GlobalView(ids);
        FingerTable t = new FingerTable(OWNER);
        for (int i = 0; i < Key.BITS; i++) {
            Key s = view.successor(FingerTable.start(OWNER, i));
            t.set(i, new NodeRef(s, new Address(0x7F000001, 1 + (s.hashCode() & 0x7FFF))));
        }
        assertTrue(t.matches(view));
        for (int i = 0; i < Key.BITS; i++) {
            NodeRef f = t.finger(i);
            Key expected = view.successor(FingerTable.start(OWNER, i));
            assertEquals(expected, f == null ? OWNER : f.id(), "finger " + i);
        }
        assertTrue(t.size() < 25, "about log2 5000 distinct fingers, not 160: " + t.size());

        t.remove(t.nodes().get(t.size() / 2).address());
        assertFalse(t.matches(view), "a finger is missing");
    }
}
