package org.interlay.chord;

import java.util.Arrays;
import java.util.List;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.GlobalView;

/**
 * The finger table of node n (Stoica et al., SIGCOMM 2001, §4.3 and Table 1): finger[i] is
 * successor(n + 2^i), for i = 0..159 (the paper counts from 1).
 *
 * <p>In a ring of N nodes only about log2 N of the 160 fingers are distinct: the low ones all point at
 * the immediate successors. So the table keeps only the distinct nodes, in clockwise order from n,
 * each with its distance from n. finger[i] is the first of them at a distance of at least 2^i; the
 * node at distance d is thus finger i for exactly the i with floor(log2 d') &lt; i &lt;= floor(log2 d),
 * d' being the distance of the node before it. A node that is no finger at all is dropped, so the table
 * never holds more nodes than it has distinct fingers.
 */
public final class FingerTable {
    private final Key owner;
    private NodeRef[] nodes = new NodeRef[8];
    private Key[] distances = new Key[8];
    private int size;

    public FingerTable(Key owner) {
        this.owner = owner;
    }

    /** The start of finger i of {@code owner}: owner + 2^i. */
    public static Key start(Key owner, int i) {
        return owner.add(Key.powerOfTwo(i));
    }

    /** The index of the first finger whose start lies beyond {@code node}, seen from {@code owner}. */
    public static int firstIndexBeyond(Key owner, Key node) {
        return lastIndexWithin(owner.clockwiseTo(node)) + 1;
    }

    /** The highest i with 2^i &lt;= distance: floor(log2 distance); -1 for distance 0. */
    private static int lastIndexWithin(Key distance) {
        return Key.BITS - 1 - distance.leadingZeros();
    }

    /** Distinct finger nodes held. */
    public int size() {
        return size;
    }

    /** The distinct finger nodes, nearest first. */
    public List<NodeRef> nodes() {
        return List.of(Arrays.copyOf(nodes, size));
    }

    /** finger[i]; null when no node is known from its start round to the owner (the owner itself is the finger). */
    public NodeRef finger(int i) {
        Key start = Key.powerOfTwo(i);
        for (int k = 0; k < size; k++) {
            if (distances[k].compareTo(start) >= 0) return nodes[k];
        }
        return null;
    }

    /**
     * Records what find_successor(n + 2^i) answered: no node lies from that start up to
     * {@code successor}, so nodes held there are dropped. The answer may be the owner itself: then no
     * node lies from the start round to the owner. An answer that precedes the start is ignored.
     */
    public void set(int i, NodeRef successor) {
        Key from = Key.powerOfTwo(i);
        if (successor.id().equals(owner)) {
            removeWhere(from, null);
            return;
        }
        Key d = owner.clockwiseTo(successor.id());
        if (d.compareTo(from) < 0) return;
        removeWhere(from, d);
        insert(successor, d);
        prune();
    }

    /** Takes {@code node} as a finger if it is one of the nodes known (a hint, e.g. from a neighbour's table). */
    public void offer(NodeRef node) {
        if (node.id().equals(owner)) return;
        insert(node, owner.clockwiseTo(node.id()));
        prune();
    }

    /**
     * The fingers whose starts fall within the successor list are successors: replaces every node held
     * up to the last of {@code successors} (clockwise order) by them.
     */
    public void fillFromSuccessors(List<NodeRef> successors) {
        if (successors.isEmpty()) return;
        Key reach = owner.clockwiseTo(successors.get(successors.size() - 1).id());
        removeWhere(Key.ZERO, reach.add(Key.powerOfTwo(0)));
        for (NodeRef s : successors) insert(s, owner.clockwiseTo(s.id()));
        prune();
    }

    /** Drops the node at {@code address} (it failed or left); true if it was held. */
    public boolean remove(Address address) {
        int kept = 0;
        for (int k = 0; k < size; k++) {
            if (!nodes[k].address().equals(address)) {
                nodes[kept] = nodes[k];
                distances[kept++] = distances[k];
            }
        }
        boolean removed = kept < size;
        clearFrom(kept);
        return removed;
    }

    /** Index of the farthest node closer to the owner than {@code distance}; -1 when there is none. */
    int lastBefore(Key distance) {
        int lo = 0, hi = size; // first index whose distance is >= distance
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (distances[mid].compareTo(distance) < 0) lo = mid + 1; else hi = mid;
        }
        return lo - 1;
    }

    NodeRef node(int k) {
        return nodes[k];
    }

    Key distance(int k) {
        return distances[k];
    }

    /** True when every one of the 160 fingers is what the global view says: successor(n + 2^i). */
    public boolean matches(GlobalView view) {
        int covered = -1; // fingers 0..covered are checked
        for (int k = 0; k < size; k++) {
            int last = lastIndexWithin(distances[k]);
            if (last <= covered) continue;
            // this node is finger covered+1 .. last: right for all of them if right for the first
            if (!view.successor(start(owner, covered + 1)).equals(nodes[k].id())) return false;
            covered = last;
        }
        return covered == Key.BITS - 1 || view.successor(start(owner, covered + 1)).equals(owner);
    }

    /** Removes the nodes at distances in [from, to); to == null means up to the owner. */
    private void removeWhere(Key from, Key to) {
        int kept = 0;
        for (int k = 0; k < size; k++) {
            Key d = distances[k];
            boolean inside = d.compareTo(from) >= 0 && (to == null || d.compareTo(to) < 0);
            if (!inside) {
                nodes[kept] = nodes[k];
                distances[kept++] = d;
            }
        }
        clearFrom(kept);
    }

    private void insert(NodeRef node, Key distance) {
        int at = lastBefore(distance) + 1;
        if (at < size && distances[at].equals(distance)) {
            nodes[at] = node; // the same id, perhaps at a new address
            return;
        }
        if (size == nodes.length) {
            nodes = Arrays.copyOf(nodes, size * 2);
            distances = Arrays.copyOf(distances, size * 2);
        }
        System.arraycopy(nodes, at, nodes, at + 1, size - at);
        System.arraycopy(distances, at, distances, at + 1, size - at);
        nodes[at] = node;
        distances[at] = distance;
        size++;
    }

    /** Drops every node that is no finger: one no nearer than another in the same power-of-two band. */
    private void prune() {
        int kept = 0;
        int covered = -1;
        for (int k = 0; k < size; k++) {
            int last = lastIndexWithin(distances[k]);
            if (last > covered) {
                nodes[kept] = nodes[k];
                distances[kept++] = distances[k];
                covered = last;
            }
        }
        clearFrom(kept);
    }

    private void clearFrom(int newSize) {
        Arrays.fill(nodes, newSize, size, null);
        Arrays.fill(distances, newSize, size, null);
        size = newSize;
    }
}
