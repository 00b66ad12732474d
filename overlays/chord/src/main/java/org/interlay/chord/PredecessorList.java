package org.interlay.chord;

import java.util.ArrayList;
import java.util.List;
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
public final class PredecessorList extends RingNeighbours {
    public PredecessorList(Key owner, int capacity) {
        super(owner, capacity, "predecessor list");
    }

    @Override
    boolean goesOn(Key previous, Key candidate) {
        return candidate.isBetweenExclusive(owner, previous);
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
}
