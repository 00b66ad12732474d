package org.interlay.chord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;

/**
 * The nodes that precede a node, nearest first: its predecessor (SIGCOMM 2001 §4), then the nodes
 * its predecessor reports before itself, the mirror of the successor list (§6.2) that stabilize
 * brings along. The first is the predecessor of the paper; the others tell this node who is
 * responsible for the keys just before its own, so records it holds from before a node joined in
 * front of it go to their new node (§4.4), and if the predecessor fails the next one stands in.
 * Entries are in counter-clockwise order and never the owner.
 */
public final class PredecessorList {
    private final Key owner;
    private final NodeRef[] nodes;
    private int size;

    public PredecessorList(Key owner, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("a predecessor list holds at least one node");
        this.owner = owner;
        this.nodes = new NodeRef[capacity];
    }

    public int capacity() {
        return nodes.length;
    }

    public int size() {
        return size;
    }

    /** The predecessor, or null when unknown. */
    public NodeRef first() {
        return size == 0 ? null : nodes[0];
    }

    public List<NodeRef> asList() {
        return List.of(Arrays.copyOf(nodes, size));
    }

    /**
     * Replaces the list by {@code head} followed by {@code rest} (head's own predecessors), as far as
     * they go on counter-clockwise without coming round to the owner. Returns true when it changed.
     */
    public boolean adopt(NodeRef head, List<NodeRef> rest) {
        NodeRef[] next = new NodeRef[nodes.length];
        int n = 0;
        if (!head.id().equals(owner)) next[n++] = head;
        for (int i = 0; i < rest.size() && n > 0 && n < next.length; i++) {
            NodeRef candidate = rest.get(i);
            if (!candidate.id().isBetweenExclusive(owner, next[n - 1].id())) break; // came round, or out of order
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

    /** Drops the node at {@code address}; the ones behind it move up. True if it was held. */
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

    /** Forgets every predecessor. */
    public void clear() {
        Arrays.fill(nodes, null);
        size = 0;
    }

    /**
     * The node responsible for {@code key} if the key lies behind the predecessor, within the list:
     * the entry p such that key lies in (the entry before p, p]. Null when the key lies in
     * (predecessor, owner] or beyond the list.
     */
    public NodeRef responsibleFor(Key key) {
        int i = indexResponsibleFor(key);
        return i < 0 ? null : nodes[i];
    }

    /**
     * Up to {@code count} nodes that take {@code key} over, in order, should {@link #responsibleFor}
     * have failed: the entries after it going clockwise (the owner, who comes next, is not included).
     */
    public List<NodeRef> backupsFor(Key key, int count) {
        int i = indexResponsibleFor(key);
        List<NodeRef> out = new ArrayList<>(count);
        for (int j = i - 1; j >= 0 && out.size() < count; j--) out.add(nodes[j]);
        return out;
    }

    private int indexResponsibleFor(Key key) {
        for (int i = 0; i + 1 < size; i++) {
            if (key.isBetweenRightInclusive(nodes[i + 1].id(), nodes[i].id())) return i;
        }
        return -1;
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
