package org.interlay.chord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;

/**
 * The first r nodes that follow a node clockwise (Stoica et al., SIGCOMM 2001 §6.2; ToN 2003 §IV-E):
 * when the immediate successor fails, the next live one takes its place, so the ring holds unless r
 * nodes in a row fail together. A node keeps its list by copying its successor's, dropping the last
 * entry and putting the successor first. Entries are in clockwise order and never the owner.
 */
public final class SuccessorList {
    private final Key owner;
    private final NodeRef[] nodes;
    private int size;

    public SuccessorList(Key owner, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("a successor list holds at least one node");
        this.owner = owner;
        this.nodes = new NodeRef[capacity];
    }

    public int capacity() {
        return nodes.length;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public NodeRef get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        return nodes[index];
    }

    /** The immediate successor, or null when none is known. */
    public NodeRef first() {
        return size == 0 ? null : nodes[0];
    }

    /** The farthest successor known, or null. */
    public NodeRef last() {
        return size == 0 ? null : nodes[size - 1];
    }

    public List<NodeRef> asList() {
        return List.of(Arrays.copyOf(nodes, size));
    }

    /** The first {@code count} successors (fewer if fewer are known). */
    public List<NodeRef> first(int count) {
        return List.of(Arrays.copyOf(nodes, Math.max(0, Math.min(count, size))));
    }

    /**
     * Replaces the list by {@code head} followed by {@code rest} (typically head's own successor
     * list), as far as they go on clockwise without coming round to the owner and as many as fit.
     * Returns true when the list changed.
     */
    public boolean adopt(NodeRef head, List<NodeRef> rest) {
        NodeRef[] next = new NodeRef[nodes.length];
        int n = 0;
        if (!head.id().equals(owner)) next[n++] = head;
        for (int i = 0; i < rest.size() && n > 0 && n < next.length; i++) {
            NodeRef candidate = rest.get(i);
            if (!candidate.id().isBetweenExclusive(next[n - 1].id(), owner)) break; // came round, or out of order
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

    /** Drops the node at {@code address} (it failed or left); true if it was held. */
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

    /**
     * The first successor s with {@code key} in (owner, s]: the node responsible for key if the list
     * is right. Null when key lies beyond the last successor (or the list is empty).
     */
    public NodeRef successorOf(Key key) {
        int i = indexOfSuccessor(key);
        return i < size ? nodes[i] : null;
    }

    /** Up to {@code count} successors after {@link #successorOf}: they take the key over, in order, should it have failed. */
    public List<NodeRef> backupsFor(Key key, int count) {
        int i = indexOfSuccessor(key);
        List<NodeRef> out = new ArrayList<>(count);
        for (int j = i + 1; j < size && out.size() < count; j++) out.add(nodes[j]);
        return out;
    }

    /** Index of the farthest successor that strictly precedes {@code key}; -1 when none does. */
    int lastBefore(Key key) {
        int i = indexOfSuccessor(key);
        return i - 1;
    }

    /** First index whose node lies at or past key (clockwise from the owner); size when none does. */
    private int indexOfSuccessor(Key key) {
        for (int i = 0; i < size; i++) {
            if (key.isBetweenRightInclusive(owner, nodes[i].id())) return i;
        }
        return size;
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
