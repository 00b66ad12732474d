package org.interlay.chord;

import java.util.Arrays;
import java.util.List;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;

/**
 * The nodes nearest a node on the identifier circle in one direction, nearest first, at most a fixed
 * number and never the owner: the common part of {@link SuccessorList} (clockwise) and
 * {@link PredecessorList} (counter-clockwise). A list is kept by adopting a neighbour and the list it
 * reports, and by dropping nodes that failed or left.
 */
abstract sealed class RingNeighbours permits SuccessorList, PredecessorList {
    final Key owner;
    final NodeRef[] nodes;
    int size;

    RingNeighbours(Key owner, int capacity, String what) {
        if (capacity < 1) throw new IllegalArgumentException("a " + what + " holds at least one node");
        this.owner = owner;
        this.nodes = new NodeRef[capacity];
    }

    /** True when {@code candidate} lies beyond {@code previous} in this list's direction, before the owner. */
    abstract boolean goesOn(Key previous, Key candidate);

    public int capacity() {
        return nodes.length;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The nearest neighbour, or null when none is known. */
    public NodeRef first() {
        return size == 0 ? null : nodes[0];
    }

    public List<NodeRef> asList() {
        return List.of(Arrays.copyOf(nodes, size));
    }

    /**
     * Replaces the list by {@code head} followed by {@code rest} (the list head reports), as far as
     * they go on in this list's direction without coming round to the owner, and as many as fit.
     * Returns true when the list changed.
     */
    public boolean adopt(NodeRef head, List<NodeRef> rest) {
        NodeRef[] next = new NodeRef[nodes.length];
        int n = 0;
        if (!head.id().equals(owner)) next[n++] = head;
        for (int i = 0; i < rest.size() && n > 0 && n < next.length; i++) {
            NodeRef candidate = rest.get(i);
            if (!goesOn(next[n - 1].id(), candidate.id())) break; // came round, or out of order
            next[n++] = candidate;
        }
        boolean changed = n != size;
        for (int i = 0; i < n && !changed; i++) changed = !next[i].equals(nodes[i]);
        if (changed) {
            System.arraycopy(next, 0, nodes, 0, n);
            Arrays.fill(nodes, n, nodes.length, null);
            size = n;
        }
        return changed;
    }

    /** Drops the node at {@code address} (it failed or left); the ones behind it move up. True if it was held. */
    public boolean remove(Address address) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!nodes[i].address().equals(address)) nodes[kept++] = nodes[i];
        }
        boolean removed = kept < size;
        Arrays.fill(nodes, kept, size, null);
        size = kept;
        return removed;
    }

    /** Forgets every entry. */
    public void clear() {
        Arrays.fill(nodes, null);
        size = 0;
    }

    /** True when the ids are exactly {@code expected}, in order. */
    public boolean matches(List<Key> expected) {
        if (expected.size() != size) return false;
        for (int i = 0; i < size; i++) {
            if (!nodes[i].id().equals(expected.get(i))) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return Arrays.toString(Arrays.copyOf(nodes, size));
    }
}
