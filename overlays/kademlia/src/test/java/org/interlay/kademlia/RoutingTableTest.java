package org.interlay.kademlia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.junit.jupiter.api.Test;

class RoutingTableTest {
    private final Random random = new Random(7);

    private NodeRef node(Key id, int n) {
        return new NodeRef(id, new Address(0x7F000001, 1000 + n));
    }

    /** Every contact the table holds, by asking it for more than it has. */
    private static List<NodeRef> everyone(RoutingTable table) {
        return table.closest(table.self(), Integer.MAX_VALUE);
    }

    @Test
    void closestMatchesSortingEveryContactByXorDistance() {
        RoutingTable table = new RoutingTable(Key.random(random), 20, () -> 0, 60);
        for (int i = 0; i < 3_000; i++) table.offer(node(Key.random(random), i));
        List<NodeRef> all = everyone(table);
        assertEquals(table.size(), all.size());
        for (int t = 0; t < 500; t++) {
            Key target = t % 5 == 0 ? near(table.self(), random.nextInt(12)) : Key.random(random);
            List<NodeRef> expected = new ArrayList<>(all);
            expected.sort(Comparator.comparing(n -> n.id().xor(target)));
            assertEquals(expected.subList(0, 20), table.closest(target, 20), "closest to " + target);
            boolean closer = expected.get(0).id().xor(target).compareTo(table.self().xor(target)) < 0;
            assertEquals(closer, table.knowsCloserThan(target), "someone closer to " + target);
        }
    }

    @Test
    void fullBucketsOutsideTheNeighbourhoodHoldK() {
        RoutingTable table = new RoutingTable(Key.random(random), 20, () -> 0, 60);
        for (int i = 0; i < 3_000; i++) table.offer(node(Key.random(random), i));
        for (int index = table.neighbourhoodIndex() + 1; index < Key.BITS; index++) {
            KBucket b = table.bucket(index);
            assertTrue(b == null || b.size() <= 20, "bucket " + index + " holds " + (b == null ? 0 : b.size()));
        }
        assertEquals(Key.BITS - 1, table.bucket(Key.BITS - 1).size() > 0 ? Key.BITS - 1 : -1);
    }

    /**
     * Section 4.2: contacts in the subtree around the node that holds k of them are all kept, even
     * where their bucket is full, so the node knows its k closest neighbours.
     */
    @Test
    void theNeighbourhoodKeepsEveryContactOfTheSubtreeAroundTheNode() {
        Key self = Key.random(random);
        RoutingTable table = new RoutingTable(self, 4, () -> 0, 60);
        // Six contacts in bucket 150 and none closer: all six are kept, the neighbourhood being bucket 150.
        List<NodeRef> inBucket = new ArrayList<>();
        for (int i = 0; i < 6; i++) inBucket.add(node(BucketRange.randomIn(self, 150, random), i));
        inBucket.forEach(table::offer);
        assertEquals(150, table.neighbourhoodIndex());
        assertEquals(6, table.bucket(150).size());
        // Four closer contacts: the neighbourhood shrinks below 150, which is trimmed back to k.
        for (int i = 0; i < 4; i++) table.offer(node(BucketRange.randomIn(self, 100 + i, random), 10 + i));
        assertEquals(103, table.neighbourhoodIndex());
        assertEquals(4, table.bucket(150).size());
        assertEquals(inBucket.subList(0, 4), List.of(table.bucket(150).get(0), table.bucket(150).get(1),
                table.bucket(150).get(2), table.bucket(150).get(3)), "the least-recently seen stay");
    }

    @Test
    void anUnresponsiveContactIsForgotten() {
        RoutingTable table = new RoutingTable(Key.random(random), 20, () -> 0, 60);
        NodeRef a = node(Key.random(random), 1);
        table.offer(a);
        assertEquals(a, table.remove(a.address()));
        assertEquals(0, table.size());
        assertNull(table.remove(a.address()));
    }

    @Test
    void aRandomIdOfABucketFallsInThatBucket() {
        Key self = Key.random(random);
        RoutingTable table = new RoutingTable(self, 20, () -> 0, 60);
        for (int index : new int[] {0, 1, 7, 8, 31, 32, 63, 64, 95, 96, 127, 128, 158, 159}) {
            for (int i = 0; i < 20; i++) {
                Key id = BucketRange.randomIn(self, index, random);
                assertEquals(index, table.indexOf(id));
                assertTrue(BucketRange.of(self, index).contains(id));
            }
        }
    }

    /** An id that shares all but the low {@code bits} bits with {@code key}. */
    private Key near(Key key, int bits) {
        return BucketRange.randomIn(key, bits, random);
    }
}
