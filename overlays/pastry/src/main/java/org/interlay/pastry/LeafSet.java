package org.interlay.pastry;

import java.util.ArrayList;
import java.util.List;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;

/**
 * Pastry's leaf set (section 2.1): the |L|/2 nodes with the numerically closest larger ids and the |L|/2
 * with the closest smaller ids, around the ring, nearest first on each side. When the whole overlay has
 * fewer nodes than one side holds, both sides hold every node; in an overlay of fewer than |L| + 1 nodes
 * the two sides overlap and the set covers the whole ring.
 *
 * <p>The leaf set decides the last hop (section 2.3): a key within its range belongs to the numerically
 * closest of its members and this node.
 */
final class LeafSet {
    /** Which way round the ring from this node. */
    enum Side { LARGER, SMALLER }

    private final NodeRef self;
    private final int half;
    private final NodeRef[] larger;
    private final NodeRef[] smaller;
    /** Each member's id hash, so a membership test reads one small array and touches no member object. */
    private final int[] largerHash;
    private final int[] smallerHash;
    private final long[] largerHeard;
    private final long[] smallerHeard;
    /** Each member's distance from this node the way of its side, so an offer costs one subtraction. */
    private final Key[] largerDistance;
    private final Key[] smallerDistance;
    private int largerCount;
    private int smallerCount;

    LeafSet(NodeRef self, int size) {
        this.self = self;
        this.half = size / 2;
        this.larger = new NodeRef[half];
        this.smaller = new NodeRef[half];
        this.largerHash = new int[half];
        this.smallerHash = new int[half];
        this.largerHeard = new long[half];
        this.smallerHeard = new long[half];
        this.largerDistance = new Key[half];
        this.smallerDistance = new Key[half];
    }

    /**
     * Offers a live node heard from at {@code now}; true when the set changed (the node entered it). A node
     * enters a side when it is closer than the farthest member. Beyond the farthest member of a side that is
     * short (after failures, or in a small overlay) it enters only when {@code mayWiden}: when word of it
     * came from a leaf set, which lists nodes without gaps. Otherwise any node that happened to send a
     * message would widen the range with a gap in it, and keys in the gap would be resolved wrongly.
     */
    boolean offer(NodeRef node, long now, boolean mayWiden) {
        if (node.id().equals(self.id())) return false;
        boolean a = insert(Side.LARGER, node, now, mayWiden);
        boolean b = insert(Side.SMALLER, node, now, mayWiden);
        return a || b;
    }

    /** True when {@code id} would enter the set if offered (see {@link #offer}). */
    boolean wouldAccept(Key id, boolean mayWiden) {
        if (id.equals(self.id()) || contains(id)) return false;
        return fits(Side.LARGER, id, mayWiden) || fits(Side.SMALLER, id, mayWiden);
    }

    private boolean fits(Side side, Key id, boolean mayWiden) {
        int count = count(side);
        if (count < half && mayWiden) return true;
        return count > 0 && distance(side, id).compareTo(distances(side)[count - 1]) < 0;
    }

    private boolean insert(Side side, NodeRef node, long now, boolean mayWiden) {
        NodeRef[] nodes = nodes(side);
        int count = count(side);
        int existing = indexOf(side, node.id());
        if (existing >= 0) {
            nodes[existing] = node; // the same node, perhaps at a new address
            heard(side)[existing] = Math.max(heard(side)[existing], now);
            return false;
        }
        Key[] distances = distances(side);
        Key d = distance(side, node.id());
        boolean beyond = count == 0 || d.compareTo(distances[count - 1]) > 0;
        if (beyond && (count == half || !mayWiden)) return false;
        int at = 0;
        while (at < count && d.compareTo(distances[at]) > 0) at++;
        int moved = Math.min(count, half - 1) - at;
        System.arraycopy(nodes, at, nodes, at + 1, moved);
        System.arraycopy(heard(side), at, heard(side), at + 1, moved);
        System.arraycopy(distances, at, distances, at + 1, moved);
        System.arraycopy(hashes(side), at, hashes(side), at + 1, moved);
        hashes(side)[at] = node.id().hashCode();
        nodes[at] = node;
        heard(side)[at] = now;
        distances[at] = d;
        setCount(side, Math.min(count + 1, half));
        return true;
    }

    /** Removes {@code id} from both sides; the sides it left (empty if it was not a member). */
    List<Side> remove(Key id) {
        List<Side> out = new ArrayList<>(2);
        for (Side side : Side.values()) {
            NodeRef[] nodes = nodes(side);
            long[] heard = heard(side);
            int count = count(side);
            for (int i = 0; i < count; i++) {
                if (nodes[i].id().equals(id)) {
                    System.arraycopy(nodes, i + 1, nodes, i, count - i - 1);
                    System.arraycopy(heard, i + 1, heard, i, count - i - 1);
                    System.arraycopy(distances(side), i + 1, distances(side), i, count - i - 1);
                    System.arraycopy(hashes(side), i + 1, hashes(side), i, count - i - 1);
                    nodes[count - 1] = null;
                    distances(side)[count - 1] = null;
                    setCount(side, count - 1);
                    out.add(side);
                    break;
                }
            }
        }
        return out;
    }

    /** Notes that {@code id} answered or spoke at {@code now}. */
    void touch(Key id, long now) {
        for (Side side : Side.values()) {
            int i = indexOf(side, id);
            if (i >= 0) heard(side)[i] = now;
        }
    }

    boolean contains(Key id) {
        return indexOf(Side.LARGER, id) >= 0 || indexOf(Side.SMALLER, id) >= 0;
    }

    private int indexOf(Side side, Key id) {
        int hash = id.hashCode();
        int[] hashes = hashes(side);
        for (int i = 0; i < count(side); i++) {
            if (hashes[i] == hash && nodes(side)[i].id().equals(id)) return i;
        }
        return -1;
    }

    NodeRef find(Address address) {
        for (NodeRef n : members()) if (n.address().equals(address)) return n;
        return null;
    }

    /**
     * True when {@code key} lies within the range of the set, from the farthest smaller to the farthest
     * larger member: then the numerically closest node of the overlay is a member or this node. When the
     * two sides reach round the ring to each other (an overlay of at most |L| + 1 nodes), that is the whole
     * ring; a side left short by failures only narrows the range until it is repaired.
     */
    boolean covers(Key key) {
        if (isEmpty()) return true; // alone in the overlay
        Key low = smallerCount == 0 ? self.id() : smaller[smallerCount - 1].id();
        Key high = largerCount == 0 ? self.id() : larger[largerCount - 1].id();
        if (self.id().clockwiseTo(high).compareTo(self.id().clockwiseTo(low)) >= 0) return true; // sides meet
        return low.clockwiseTo(key).compareTo(low.clockwiseTo(high)) <= 0;
    }

    /** Of this node and the members, the one numerically closest to {@code key} (ties to the lower id). */
    NodeRef closest(Key key) {
        return closestExcept(key, null);
    }

    /** As {@link #closest}, leaving out {@code excluded} (a node asking to join under that id). */
    NodeRef closestExcept(Key key, Key excluded) {
        NodeRef best = self;
        Key bestDistance = self.id().ringDistance(key);
        for (Side side : Side.values()) {
            NodeRef[] nodes = nodes(side);
            for (int i = 0; i < count(side); i++) {
                NodeRef n = nodes[i];
                if (n.id().equals(excluded)) continue;
                Key d = n.id().ringDistance(key);
                int c = d.compareTo(bestDistance);
                if (c < 0 || (c == 0 && n.id().compareTo(best.id()) < 0)) {
                    best = n;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    /** The {@code count} members numerically closest to {@code key}, closest first (this node excluded). */
    List<NodeRef> closestMembers(Key key, int count) {
        List<NodeRef> all = members();
        Key[] distance = new Key[all.size()];
        for (int i = 0; i < distance.length; i++) distance[i] = all.get(i).id().ringDistance(key);
        List<NodeRef> out = new ArrayList<>(Math.min(count, all.size()));
        boolean[] taken = new boolean[distance.length];
        while (out.size() < Math.min(count, distance.length)) {
            int best = -1;
            for (int i = 0; i < distance.length; i++) {
                if (taken[i]) continue;
                if (best < 0) {
                    best = i;
                    continue;
                }
                int c = distance[i].compareTo(distance[best]);
                if (c < 0 || (c == 0 && all.get(i).id().compareTo(all.get(best).id()) < 0)) best = i;
            }
            taken[best] = true;
            out.add(all.get(best));
        }
        return out;
    }

    /** Every member once: the larger side nearest first, then the smaller side nearest first. */
    List<NodeRef> members() {
        List<NodeRef> out = new ArrayList<>(largerCount + smallerCount);
        for (int i = 0; i < largerCount; i++) out.add(larger[i]);
        for (int i = 0; i < smallerCount; i++) {
            if (indexOf(Side.LARGER, smaller[i].id()) < 0) out.add(smaller[i]);
        }
        return out;
    }

    /** One side, nearest first. */
    List<NodeRef> side(Side side) {
        List<NodeRef> out = new ArrayList<>(half);
        NodeRef[] nodes = nodes(side);
        for (int i = 0; i < count(side); i++) out.add(nodes[i]);
        return out;
    }

    /** The nearest member on {@code side}, or null when that side is empty. */
    NodeRef nearest(Side side) {
        return count(side) == 0 ? null : nodes(side)[0];
    }

    /** When {@code id} was last heard from; {@link Long#MIN_VALUE} when it is not a member. */
    long heardAt(Key id) {
        long at = Long.MIN_VALUE;
        for (Side side : Side.values()) {
            int i = indexOf(side, id);
            if (i >= 0) at = Math.max(at, heard(side)[i]);
        }
        return at;
    }

    /** The farthest member on {@code side}, or null when that side is empty. */
    NodeRef farthest(Side side) {
        int count = count(side);
        return count == 0 ? null : nodes(side)[count - 1];
    }

    /** Members not heard from since {@code before}. */
    List<NodeRef> notHeardSince(long before) {
        List<NodeRef> out = new ArrayList<>();
        for (NodeRef n : members()) if (heardAt(n.id()) < before) out.add(n);
        return out;
    }

    int half() {
        return half;
    }

    int count(Side side) {
        return side == Side.LARGER ? largerCount : smallerCount;
    }

    boolean isEmpty() {
        return largerCount == 0 && smallerCount == 0;
    }

    private void setCount(Side side, int count) {
        if (side == Side.LARGER) largerCount = count; else smallerCount = count;
    }

    private NodeRef[] nodes(Side side) {
        return side == Side.LARGER ? larger : smaller;
    }

    private int[] hashes(Side side) {
        return side == Side.LARGER ? largerHash : smallerHash;
    }

    private Key[] distances(Side side) {
        return side == Side.LARGER ? largerDistance : smallerDistance;
    }

    private long[] heard(Side side) {
        return side == Side.LARGER ? largerHeard : smallerHeard;
    }

    /** How far {@code id} is from this node going the way of {@code side}. */
    private Key distance(Side side, Key id) {
        return side == Side.LARGER ? self.id().clockwiseTo(id) : id.clockwiseTo(self.id());
    }
}
