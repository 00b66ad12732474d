package org.interlay.pastry;

import java.util.ArrayList;
import java.util.List;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;

/**
 * Pastry's neighbourhood set M (section 2.1): the |M| nodes closest to this one by network proximity,
 * measured as round-trip time, closest first. Not used in routing except in the rare case; it seeds the
 * proximity of a joining node's state (section 2.5) and offers candidates when routing table entries fail.
 */
final class NeighbourhoodSet {
    private final int capacity;
    private final NodeRef[] nodes;
    private final int[] rtt;
    /** Each member's id hash, so a membership test touches no member object. */
    private final int[] hashes;
    private final long[] heardAt;
    private int count;

    NeighbourhoodSet(int capacity) {
        this.capacity = capacity;
        this.nodes = new NodeRef[capacity];
        this.rtt = new int[capacity];
        this.hashes = new int[capacity];
        this.heardAt = new long[capacity];
    }

    /** Offers a node measured at {@code rttMillis}; true when it entered the set. */
    boolean offer(NodeRef node, int rttMillis, long now) {
        if (capacity == 0) return false;
        int existing = indexOf(node.id());
        if (existing >= 0) {
            removeAt(existing);
        } else if (count == capacity && rttMillis >= rtt[count - 1]) {
            return false;
        }
        int at = 0;
        while (at < count && rtt[at] <= rttMillis) at++;
        int last = Math.min(count, capacity - 1);
        System.arraycopy(nodes, at, nodes, at + 1, last - at);
        System.arraycopy(rtt, at, rtt, at + 1, last - at);
        System.arraycopy(heardAt, at, heardAt, at + 1, last - at);
        System.arraycopy(hashes, at, hashes, at + 1, last - at);
        hashes[at] = node.id().hashCode();
        nodes[at] = node;
        rtt[at] = rttMillis;
        heardAt[at] = now;
        count = Math.min(count + 1, capacity);
        return existing < 0;
    }

    /** True when a node measured at {@code rttMillis} would enter the set. */
    boolean wouldAccept(int rttMillis) {
        return capacity > 0 && (count < capacity || rttMillis < rtt[count - 1]);
    }

    void touch(Key id, long now) {
        int i = indexOf(id);
        if (i >= 0) heardAt[i] = now;
    }

    boolean remove(Key id) {
        int i = indexOf(id);
        if (i < 0) return false;
        removeAt(i);
        return true;
    }

    private void removeAt(int i) {
        System.arraycopy(nodes, i + 1, nodes, i, count - i - 1);
        System.arraycopy(rtt, i + 1, rtt, i, count - i - 1);
        System.arraycopy(heardAt, i + 1, heardAt, i, count - i - 1);
        System.arraycopy(hashes, i + 1, hashes, i, count - i - 1);
        count--;
        nodes[count] = null;
    }

    boolean contains(Key id) {
        return indexOf(id) >= 0;
    }

    private int indexOf(Key id) {
        int hash = id.hashCode();
        for (int i = 0; i < count; i++) if (hashes[i] == hash && nodes[i].id().equals(id)) return i;
        return -1;
    }

    NodeRef find(Address address) {
        for (int i = 0; i < count; i++) if (nodes[i].address().equals(address)) return nodes[i];
        return null;
    }

    /** The members, closest first. */
    List<NodeRef> members() {
        List<NodeRef> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(nodes[i]);
        return out;
    }

    /** Members not heard from since {@code before}. */
    List<NodeRef> notHeardSince(long before) {
        List<NodeRef> out = new ArrayList<>();
        for (int i = 0; i < count; i++) if (heardAt[i] < before) out.add(nodes[i]);
        return out;
    }

    int size() {
        return count;
    }
}
