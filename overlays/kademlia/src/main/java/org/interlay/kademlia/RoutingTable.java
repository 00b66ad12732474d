package org.interlay.kademlia;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.time.Clock;

/**
 * A node's k-buckets (section 2.2): bucket {@code i} holds contacts at XOR distance [2^i, 2^(i+1)).
 * Of the 160 buckets only the far ones and those down to the closest contact can hold anyone (about
 * log2(N/k) + 3 of them), so buckets are kept by depth (159 - i) in an array that grows to the deepest
 * one in use, and each bucket's array grows with its contacts.
 *
 * <p>Buckets hold at most k contacts, except in the neighbourhood: section 4.2 has a node "keep all
 * valid contacts in a subtree of size at least k nodes, even if this requires splitting buckets in
 * which the node's own ID does not reside". Here that subtree is buckets 0..m, m being the lowest
 * index at which the buckets from 0 up hold k contacts; a bucket in it takes every newcomer, so a
 * node knows its k closest neighbours however they fall into buckets. When closer contacts shrink
 * the subtree, the bucket that left it is trimmed back to k.
 */
final class RoutingTable {
    private final Key self;
    private final int k;
    private final Clock clock;
    private final long epochMillis;
    private final int aliveSeconds;
    private KBucket[] byDepth = new KBucket[0];
    private int neighbourhood = Key.BITS - 1;
    /** Scratch space for an id in bytes (all calls come from the node's one thread). */
    private final byte[] idBytes = new byte[Key.BYTES];

    /**
     * @param aliveSeconds a contact heard from less than this long ago is taken to be alive: a full
     *                     bucket whose least-recently seen contact is that fresh drops a newcomer
     *                     without pinging anyone
     */
    RoutingTable(Key self, int k, Clock clock, int aliveSeconds) {
        this.self = self;
        this.k = k;
        this.clock = clock;
        this.epochMillis = clock.nowMillis();
        this.aliveSeconds = aliveSeconds;
    }

    Key self() {
        return self;
    }

    /** The bucket {@code id} falls into: the highest bit in which it differs from this node; -1 for itself. */
    int indexOf(Key id) {
        return self.highestDifferingBit(id);
    }

    /** Bucket {@code index}, or null when it has never held anyone. */
    KBucket bucket(int index) {
        int depth = Key.BITS - 1 - index;
        return depth < byDepth.length ? byDepth[depth] : null;
    }

    /** Takes note that {@code node} was heard from (section 2.2's update rule). */
    KBucket.Offer offer(NodeRef node) {
        int index = indexOf(node.id());
        if (index < 0) return KBucket.Offer.SEEN;
        node.id().writeTo(idBytes, 0);
        KBucket.Offer offer = bucketFor(index).offer(node, idBytes, index <= neighbourhood ? Integer.MAX_VALUE : k,
                seconds(), aliveSeconds);
        if (offer == KBucket.Offer.ADDED) updateNeighbourhood();
        return offer;
    }

    /** The contact pinged for its full bucket answered: it stays, the newcomer goes. */
    void pingAnswered(NodeRef pinged) {
        KBucket b = bucket(indexOf(pinged.id()));
        if (b != null) b.pingAnswered(pinged, seconds());
    }

    /** The contact pinged did not answer: evicted; returns the newcomer that took its place, or null. */
    NodeRef pingFailed(NodeRef pinged) {
        KBucket b = bucket(indexOf(pinged.id()));
        if (b == null) return null;
        NodeRef in = b.pingFailed(pinged);
        updateNeighbourhood();
        return in;
    }

    /** Forgets the contact at {@code address} (it stopped answering); returns it, or null. */
    NodeRef remove(Address address) {
        for (KBucket b : byDepth) {
            if (b == null) continue;
            NodeRef gone = b.remove(address);
            if (gone != null) {
                updateNeighbourhood();
                return gone;
            }
        }
        return null;
    }

    /**
     * Up to {@code count} contacts closest to {@code target} by XOR, closest first.
     *
     * <p>Whole buckets are ordered by their distance to the target, so only as many buckets are
     * looked at, and sorted, as it takes to find {@code count} contacts. With D = self xor target and
     * b its highest bit (the target's bucket): the contacts of bucket b are closest (their distance to
     * the target is below 2^b); then those of each lower bucket j whose bit j of D is 1 (they are
     * closer to the target than this node), highest j first; then those of each lower bucket j whose
     * bit j of D is 0 (farther than this node), lowest j first; then buckets b + 1, b + 2 and so on.
     */
    List<NodeRef> closest(Key target, int count) {
        List<NodeRef> out = new ArrayList<>(Math.min(count, 3 * k));
        target.writeTo(idBytes, 0);
        int b = indexOf(target);
        int lowest = lowestIndex();
        if (b >= 0) {
            appendByDistance(out, b);
            for (int j = b - 1; j >= lowest && out.size() < count; j--) {
                if (self.bit(j) != target.bit(j)) appendByDistance(out, j);
            }
            for (int j = lowest; j < b && out.size() < count; j++) {
                if (self.bit(j) == target.bit(j)) appendByDistance(out, j);
            }
        }
        for (int j = Math.max(b + 1, lowest); j < Key.BITS && out.size() < count; j++) appendByDistance(out, j);
        return List.copyOf(out.size() > count ? out.subList(0, count) : out);
    }

    /** True when some contact is closer to {@code target} than this node is (see {@link #closest}). */
    boolean knowsCloserThan(Key target) {
        int b = indexOf(target);
        if (b < 0) return false;
        if (!isEmpty(b)) return true;
        for (int j = b - 1; j >= lowestIndex(); j--) {
            if (self.bit(j) != target.bit(j) && !isEmpty(j)) return true;
        }
        return false;
    }

    /** Whole seconds since {@code contact} was last heard from; {@link Integer#MAX_VALUE} if it is not known. */
    int secondsSinceHeard(NodeRef contact) {
        KBucket b = bucket(indexOf(contact.id()));
        if (b == null) return Integer.MAX_VALUE;
        contact.id().writeTo(idBytes, 0);
        int seen = b.seenAt(idBytes);
        return seen < 0 ? Integer.MAX_VALUE : seconds() - seen;
    }

    /** The neighbourhood bound m: buckets 0..m hold this node's k closest contacts and are not capped. */
    int neighbourhoodIndex() {
        return neighbourhood;
    }

    /** The bucket of the closest contact, or 160 when there is none. */
    int closestContactIndex() {
        for (int i = lowestIndex(); i < Key.BITS; i++) if (!isEmpty(i)) return i;
        return Key.BITS;
    }

    /** The lowest bucket index that may hold contacts. */
    int lowestIndex() {
        return Key.BITS - byDepth.length;
    }

    /** When bucket {@code index} was last refreshed by a lookup into its range. */
    long refreshedAt(int index) {
        KBucket b = bucket(index);
        return b == null ? Long.MIN_VALUE : b.refreshedAt();
    }

    void markRefreshed(int index, long nowMillis) {
        bucketFor(index).refreshed(nowMillis);
    }

    /** Every contact, bucket by bucket. */
    List<NodeRef> contacts() {
        List<NodeRef> out = new ArrayList<>();
        for (KBucket b : byDepth) {
            if (b == null) continue;
            for (int i = 0; i < b.size(); i++) out.add(b.get(i));
        }
        return out;
    }

    int size() {
        int n = 0;
        for (KBucket b : byDepth) if (b != null) n += b.size();
        return n;
    }

    int nonEmptyBuckets() {
        int n = 0;
        for (KBucket b : byDepth) if (b != null && !b.isEmpty()) n++;
        return n;
    }

    /** The clock in whole seconds since the table was made: what the buckets note contacts' last sighting in. */
    private int seconds() {
        return (int) ((clock.nowMillis() - epochMillis) / 1000);
    }

    private boolean isEmpty(int index) {
        KBucket b = bucket(index);
        return b == null || b.isEmpty();
    }

    private KBucket bucketFor(int index) {
        int depth = Key.BITS - 1 - index;
        if (depth >= byDepth.length) byDepth = Arrays.copyOf(byDepth, depth + 1);
        if (byDepth[depth] == null) byDepth[depth] = new KBucket();
        return byDepth[depth];
    }

    /** Recomputes m after a contact came or went; trims the bucket that left the neighbourhood. */
    private void updateNeighbourhood() {
        int m = Key.BITS - 1;
        int seen = 0;
        for (int depth = byDepth.length - 1; depth >= 0; depth--) {
            if (byDepth[depth] != null) seen += byDepth[depth].size();
            if (seen >= k) {
                m = Key.BITS - 1 - depth;
                break;
            }
        }
        for (int i = m + 1; i <= neighbourhood; i++) {
            KBucket b = bucket(i);
            if (b != null) b.trimTo(k);
        }
        neighbourhood = m;
    }

    /** Appends the contacts of bucket {@code index}, sorted by XOR distance to the target in {@link #idBytes}. */
    private void appendByDistance(List<NodeRef> out, int index) {
        KBucket bucket = bucket(index);
        if (bucket != null) bucket.appendByDistance(idBytes, out);
    }
}
