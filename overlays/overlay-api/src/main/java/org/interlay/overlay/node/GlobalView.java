package org.interlay.overlay.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.interlay.overlay.Key;

/**
 * Every live node id at one moment, sorted: what a simulator knows and no node does. Algorithms use
 * it to say who should be responsible for a key and whether a node's routing state is right.
 */
public final class GlobalView {
    private final Key[] ids;

    public GlobalView(Collection<Key> liveIds) {
        ids = liveIds.toArray(new Key[0]);
        Arrays.sort(ids);
    }

    public int size() {
        return ids.length;
    }

    public Key get(int index) {
        return ids[Math.floorMod(index, ids.length)];
    }

    public boolean contains(Key id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    /** Position of the first id >= key, wrapping to 0. */
    public int ceilingIndex(Key key) {
        int i = Arrays.binarySearch(ids, key);
        if (i < 0) i = -i - 1;
        return i == ids.length ? 0 : i;
    }

    /** Chord's successor(key): the first node clockwise from key, key itself included. */
    public Key successor(Key key) {
        return ids[ceilingIndex(key)];
    }

    /** The {@code count} nodes that follow {@code id} clockwise (id excluded). */
    public List<Key> successorsOf(Key id, int count) {
        List<Key> out = new ArrayList<>();
        int start = Arrays.binarySearch(ids, id);
        start = start >= 0 ? start + 1 : -start - 1;
        for (int i = 0; i < Math.min(count, ids.length - (contains(id) ? 1 : 0)); i++) out.add(get(start + i));
        return out;
    }

    /** The node just before {@code id} counter-clockwise (id excluded). */
    public Key predecessorOf(Key id) {
        int i = Arrays.binarySearch(ids, id);
        int before = i >= 0 ? i - 1 : -i - 2;
        return get(before);
    }

    /** The {@code count} nodes that precede {@code id} counter-clockwise (id excluded), nearest first. */
    public List<Key> predecessorsOf(Key id, int count) {
        List<Key> out = new ArrayList<>();
        int i = Arrays.binarySearch(ids, id);
        int before = i >= 0 ? i - 1 : -i - 2;
        for (int n = 0; n < Math.min(count, ids.length - (contains(id) ? 1 : 0)); n++) out.add(get(before - n));
        return out;
    }

    /** Pastry's root: the node numerically closest to key around the ring (ties to the lower id). */
    public Key numericallyClosest(Key key) {
        int i = ceilingIndex(key);
        Key after = ids[i];
        Key before = get(i - 1);
        int c = before.ringDistance(key).compareTo(after.ringDistance(key));
        return c < 0 || (c == 0 && before.compareTo(after) < 0) ? before : after;
    }

    /**
     * Kademlia's closest: the node with the least XOR distance to key. Ids that share a prefix with
     * the key form one contiguous range of the sorted array, so the search narrows that range bit by
     * bit: O(160 log N), no scan.
     */
    public Key xorClosest(Key key) {
        int lo = 0, hi = ids.length; // candidates are ids[lo, hi), all sharing the prefix decided so far
        for (int bit = Key.BITS - 1; bit >= 0 && hi - lo > 1; bit--) {
            int split = firstWithBitSet(lo, hi, bit);
            boolean wantOne = key.bit(bit);
            if (wantOne && split < hi) {
                lo = split;
            } else if (!wantOne && split > lo) {
                hi = split;
            }
        }
        return ids[lo];
    }

    /** In ids[lo, hi), which share all bits above {@code bit}, the first index whose {@code bit} is 1. */
    private int firstWithBitSet(int lo, int hi, int bit) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ids[mid].bit(bit)) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /** The {@code count} nodes closest to key by XOR, closest first (a scan: for checks, not hot paths). */
    public List<Key> xorClosest(Key key, int count) {
        return Arrays.stream(ids).sorted((a, b) -> a.xor(key).compareTo(b.xor(key))).limit(count).toList();
    }
}
