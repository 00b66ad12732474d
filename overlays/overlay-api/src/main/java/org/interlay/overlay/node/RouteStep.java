package org.interlay.overlay.node;

import java.util.List;
import org.interlay.overlay.NodeRef;

/**
 * A node's local routing decision for a key: either it knows who is responsible, or it names nodes
 * closer to the key, best first (the next ones are fall-backs when the first does not answer).
 */
public sealed interface RouteStep {
    /**
     * {@code responsible} holds the key; it may be the deciding node itself. {@code backups} are the
     * nodes that take the key over, in order, should it have failed unnoticed (Chord's next
     * successors): an iterative lookup that finds the responsible node dead asks them next.
     */
    record Resolved(NodeRef responsible, List<NodeRef> backups) implements RouteStep {
        public Resolved {
            backups = List.copyOf(backups);
        }
    }

    /** Ask one of {@code closer}, best first. Kademlia always answers this, with its k closest. */
    record Forward(List<NodeRef> closer) implements RouteStep {}

    static RouteStep resolved(NodeRef node) {
        return new Resolved(node, List.of());
    }

    static RouteStep resolved(NodeRef node, List<NodeRef> backups) {
        return new Resolved(node, backups);
    }

    static RouteStep forward(List<NodeRef> closer) {
        return new Forward(List.copyOf(closer));
    }
}
