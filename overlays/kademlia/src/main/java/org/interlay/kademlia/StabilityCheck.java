package org.interlay.kademlia;

import java.util.ArrayList;
import java.util.List;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.GlobalView;

/**
 * Whether a node's routing table is what a simulator, seeing every live node, would call stable:
 *
 * <ol>
 *   <li>its k closest contacts are exactly the k live nodes closest to it (so no dead contact hides
 *       among them, and it knows who replicates what it is responsible for); and</li>
 *   <li>every bucket beyond those, whose range holds a live node, holds at least one live contact:
 *       the condition under which the paper proves lookups take O(log n) steps (section 3).</li>
 * </ol>
 *
 * A bucket is not required to hold min(k, live nodes in range): a node learns of newcomers to far
 * buckets only when they contact it, so that would wait on the hourly refresh, and routing does not
 * need it. All queries of the view are binary searches over its sorted ids (every bucket, and every
 * subtree of the id space around a node, is one interval of them), never a scan.
 */
final class StabilityCheck {
    private StabilityCheck() {}

    static boolean holds(RoutingTable table, int k, GlobalView view) {
        Key self = table.self();
        if (!view.contains(self)) return false;
        List<Key> truth = trueClosest(view, self, k);
        List<NodeRef> known = table.closest(self, k);
        if (known.size() != truth.size()) return false;
        for (int i = 0; i < truth.size(); i++) {
            if (!known.get(i).id().equals(truth.get(i))) return false;
        }
        int beyond = truth.isEmpty() ? Key.BITS : table.indexOf(truth.get(truth.size() - 1)) + 1;
        for (int i = beyond; i < Key.BITS; i++) {
            if (count(view, BucketRange.of(self, i)) > 0 && !hasLiveContact(table.bucket(i), view)) return false;
        }
        return true;
    }

    /** The {@code k} live nodes closest to {@code self} by XOR (itself excluded), closest first. */
    static List<Key> trueClosest(GlobalView view, Key self, int k) {
        int wanted = Math.min(k, view.size() - 1) + 1; // with self
        int lo = -1, hi = Key.BITS - 1;                 // smallest bit whose subtree holds `wanted` ids
        while (lo < hi) {
            int mid = (lo + hi) >> 1;
            if (count(view, BucketRange.subtreeOf(self, mid)) >= wanted) hi = mid; else lo = mid + 1;
        }
        BucketRange subtree = BucketRange.subtreeOf(self, lo);
        List<Key> ids = new ArrayList<>();
        for (int i = firstAtLeast(view, subtree.lowest()); i < view.size() && subtree.contains(view.get(i)); i++) {
            if (!view.get(i).equals(self)) ids.add(view.get(i));
        }
        ids.sort((a, b) -> a.xor(self).compareTo(b.xor(self)));
        return ids.subList(0, wanted - 1);
    }

    private static boolean hasLiveContact(KBucket bucket, GlobalView view) {
        if (bucket == null) return false;
        for (int i = 0; i < bucket.size(); i++) {
            if (view.contains(bucket.get(i).id())) return true;
        }
        return false;
    }

    /** How many live ids lie in {@code range}. */
    static int count(GlobalView view, BucketRange range) {
        int from = firstAtLeast(view, range.lowest());
        int to = firstAtLeast(view, range.highest());
        if (to < view.size() && view.get(to).equals(range.highest())) to++;
        return to - from;
    }

    /** Index of the first id >= key, or the view's size when there is none. */
    private static int firstAtLeast(GlobalView view, Key key) {
        int i = view.ceilingIndex(key);
        return view.get(i).compareTo(key) >= 0 ? i : view.size();
    }
}
