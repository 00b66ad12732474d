package org.interlay.chord;

import java.util.List;
import org.interlay.overlay.Address;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.GlobalView;

/**
 * What one Chord node knows of the ring: its successor list, finger table and predecessors, and
 * whether it has joined. Every change that moves responsibility for keys (predecessors, successors)
 * is reported to {@code neighboursChanged}, so records can follow.
 */
final class ChordState {
    /** Predecessors kept: as many as a record has replicas, so every holder can find its record's node. */
    static final int PREDECESSORS = ChordAlgorithm.DEFAULT_REPLICAS;

    private final NodeRef self;
    private final SuccessorList successors;
    private final PredecessorList predecessors;
    private final FingerTable fingers;
    private final Runnable neighboursChanged;
    private long predecessorHeardAt;
    private boolean joined;
    private boolean stopped;

    ChordState(NodeRef self, int successorListLength, Runnable neighboursChanged) {
        this.self = self;
        this.successors = new SuccessorList(self.id(), successorListLength);
        this.predecessors = new PredecessorList(self.id(), PREDECESSORS);
        this.fingers = new FingerTable(self.id());
        this.neighboursChanged = neighboursChanged;
    }

    NodeRef self() {
        return self;
    }

    SuccessorList successors() {
        return successors;
    }

    PredecessorList predecessors() {
        return predecessors;
    }

    FingerTable fingers() {
        return fingers;
    }

    /** The immediate successor, or null when none is known. */
    NodeRef successor() {
        return successors.first();
    }

    NodeRef predecessor() {
        return predecessors.first();
    }

    long predecessorHeardAt() {
        return predecessorHeardAt;
    }

    boolean isJoined() {
        return joined && !stopped;
    }

    boolean isStopped() {
        return stopped;
    }

    /** Joined, and no other node known: the ring is this node alone. */
    boolean isAlone() {
        return joined && successors.isEmpty() && predecessors.size() == 0;
    }

    void markJoined() {
        joined = true;
    }

    void stop() {
        stopped = true;
    }

    /** {@code node} becomes the predecessor, with the predecessors it reports for itself. */
    void setPredecessor(NodeRef node, List<NodeRef> itsPredecessors, long now) {
        predecessorHeardAt = now;
        if (predecessors.adopt(node, itsPredecessors)) neighboursChanged.run();
    }

    /** A message came from {@code peer}: a predecessor heard from needs no ping. */
    void heard(NodeRef peer, long now) {
        NodeRef predecessor = predecessors.first();
        if (predecessor != null && predecessor.id().equals(peer.id())) predecessorHeardAt = now;
    }

    /** Replaces the successor list by {@code head} and then {@code rest}. */
    void adoptSuccessors(NodeRef head, List<NodeRef> rest) {
        if (successors.adopt(head, rest)) neighboursChanged.run();
    }

    /**
     * The node at {@code address} failed: it is dropped wherever it is held. The next successor
     * takes a failed successor's place, the next predecessor a failed predecessor's.
     */
    void forget(Address address) {
        boolean changed = successors.remove(address);
        changed |= predecessors.remove(address);
        fingers.remove(address);
        if (successors.isEmpty()) changed |= fallBackToNearestKnown();
        if (changed) neighboursChanged.run();
    }

    /**
     * With every successor gone, the nearest node still known ahead (a finger), else the predecessor,
     * becomes the successor; stabilize then walks back from it to the true one.
     */
    private boolean fallBackToNearestKnown() {
        NodeRef next = fingers.size() > 0 ? fingers.node(0) : predecessors.first();
        return next != null && successors.adopt(next, List.of());
    }

    /** {@code leaving} leaves the ring; its neighbours link up around it (ToN 2003 §IV-E.2). */
    void linkAround(NodeRef leaving, List<NodeRef> itsPredecessors, List<NodeRef> itsSuccessors) {
        boolean changed;
        NodeRef first = successors.first();
        if (first != null && first.id().equals(leaving.id()) && !itsSuccessors.isEmpty()) {
            changed = successors.adopt(itsSuccessors.get(0), itsSuccessors.subList(1, itsSuccessors.size()));
        } else {
            changed = successors.remove(leaving.address());
        }
        NodeRef predecessor = predecessors.first();
        if (predecessor != null && predecessor.id().equals(leaving.id()) && !itsPredecessors.isEmpty()) {
            changed |= predecessors.adopt(itsPredecessors.get(0), itsPredecessors.subList(1, itsPredecessors.size()));
        } else {
            changed |= predecessors.remove(leaving.address());
        }
        fingers.remove(leaving.address());
        if (successors.isEmpty()) changed |= fallBackToNearestKnown();
        if (changed) neighboursChanged.run();
    }

    /** True when successor and predecessor lists and every finger are what the global view says. */
    boolean agreesWith(GlobalView view) {
        if (!isJoined()) return false;
        if (view.size() == 1) return isAlone();
        return predecessors.matches(view.predecessorsOf(self.id(), predecessors.capacity()))
                && successors.matches(view.successorsOf(self.id(), successors.capacity()))
                && fingers.matches(view);
    }
}
