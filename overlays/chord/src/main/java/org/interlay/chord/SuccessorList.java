package org.interlay.chord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;

/**
 * The first r nodes that follow a node clockwise (Stoica et al., SIGCOMM 2001 §6.2; ToN 2003 §IV-E):
 * when the immediate successor fails, the next live one takes its place, so the ring holds unless r
 * nodes in a row fail together. A node keeps its list by copying its successor's, dropping the last
 * entry and putting the successor first. Entries are in clockwise order and never the owner.
 */
public final class SuccessorList extends RingNeighbours {
    public SuccessorList(Key owner, int capacity) {
        super(owner, capacity, "successor list");
    }

    @Override
    boolean goesOn(Key previous, Key candidate) {
        return candidate.isBetweenExclusive(previous, owner);
    }

    public NodeRef get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        return nodes[index];
    }

    /** The farthest successor known, or null. */
    public NodeRef last() {
        return size == 0 ? null : nodes[size - 1];
    }

    /** The first {@code count} successors (fewer if fewer are known). */
    public List<NodeRef> first(int count) {
        return List.of(Arrays.copyOf(nodes, Math.max(0, Math.min(count, size))));
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
}
