package org.interlay.pastry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.RouteStep;

/**
 * Pastry's routing procedure (section 2.3, Table 1), as one node decides it:
 *
 * <ol>
 *   <li>a key within the range of the leaf set goes to the numerically closest of the leaves and this
 *       node: the decision is final;</li>
 *   <li>otherwise, with {@code l} the length of the prefix the key shares with this node, to the routing
 *       table entry R[l][D_l], whose id shares at least one more digit with the key;</li>
 *   <li>and in the rare case that entry is empty (or, as fall-backs after it, when it does not answer),
 *       to the known nodes of L, R and M that share at least {@code l} digits with the key and are
 *       numerically closer to it than this node, best first.</li>
 * </ol>
 *
 * Every node offered is better than this one by (shared prefix, then numeric closeness), and each step of
 * a route improves that pair strictly, so a route never revisits a node: lookups cannot loop.
 */
final class RoutingProcedure {
    private final NodeRef self;
    private final LeafSet leafSet;
    private final RoutingTable table;
    private final NeighbourhoodSet neighbourhood;
    private final int bitsPerDigit;
    private final int maxNodes;

    RoutingProcedure(NodeRef self, LeafSet leafSet, RoutingTable table, NeighbourhoodSet neighbourhood,
                     int maxNodes) {
        this.self = self;
        this.leafSet = leafSet;
        this.table = table;
        this.neighbourhood = neighbourhood;
        this.bitsPerDigit = table.bitsPerDigit();
        this.maxNodes = maxNodes;
    }

    RouteStep route(Key key) {
        return route(key, null);
    }

    /** The decision for {@code key}, leaving {@code excluded} out (the id of a node asking to join). */
    RouteStep route(Key key, Key excluded) {
        if (leafSet.covers(key)) return RouteStep.resolved(leafSet.closestExcept(key, excluded));
        int l = self.id().sharedPrefixDigits(key, bitsPerDigit);
        NodeRef next = table.get(l, key.digit(l, bitsPerDigit));
        if (next != null && next.id().equals(excluded)) next = null;
        List<NodeRef> closer = closerNodes(key, l, excluded, next, true);
        if (next == null && closer.isEmpty()) return RouteStep.resolved(self); // no node known to be closer
        List<NodeRef> out = new ArrayList<>(closer.size() + 1);
        if (next != null) out.add(next);
        out.addAll(closer);
        return RouteStep.forward(out);
    }

    /**
     * For a node still joining, which cannot decide: every node it knows, best first by shared prefix, then
     * numeric closeness, so a lookup started here still finds its way.
     */
    RouteStep forwardOnly(Key key) {
        return RouteStep.forward(closerNodes(key, 0, null, null, false));
    }

    /**
     * Known nodes T with shl(T, key) >= l and, when {@code closerThanSelf}, |T - key| < |self - key| (the
     * rare case of Table 1), longest shared prefix first, then numerically closest; at most
     * {@code maxNodes - 1}, leaving room for the routing table's entry.
     */
    private List<NodeRef> closerNodes(Key key, int l, Key excluded, NodeRef skip, boolean closerThanSelf) {
        Key own = closerThanSelf ? self.id().ringDistance(key) : Key.MAX;
        List<Candidate> found = new ArrayList<>();
        Set<Key> seen = new HashSet<>();
        if (skip != null) seen.add(skip.id());
        if (excluded != null) seen.add(excluded);
        for (NodeRef n : leafSet.members()) consider(n, key, l, own, seen, found);
        for (NodeRef n : neighbourhood.members()) consider(n, key, l, own, seen, found);
        for (int row = l, deepest = table.deepestRow(); row <= deepest; row++) {
            for (NodeRef n : table.row(row)) consider(n, key, l, own, seen, found);
        }
        found.sort(null);
        int limit = Math.min(found.size(), maxNodes - 1);
        List<NodeRef> out = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) out.add(found.get(i).node);
        return out;
    }

    private void consider(NodeRef n, Key key, int l, Key own, Set<Key> seen, List<Candidate> found) {
        if (!seen.add(n.id())) return;
        int prefix = n.id().sharedPrefixDigits(key, bitsPerDigit);
        if (prefix < l) return;
        Key distance = n.id().ringDistance(key);
        if (distance.compareTo(own) >= 0) return;
        found.add(new Candidate(n, prefix, distance));
    }

    private record Candidate(NodeRef node, int prefix, Key distance) implements Comparable<Candidate> {
        @Override
        public int compareTo(Candidate o) {
            int c = Integer.compare(o.prefix, prefix);
            return c != 0 ? c : distance.compareTo(o.distance);
        }
    }
}
