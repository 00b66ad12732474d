package org.interlay.kademlia;

import java.util.Arrays;
import java.util.List;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;

/**
 * One k-bucket (section 2.2): the contacts at one range of XOR distance from this node, least-recently
 * seen first. A contact heard from again moves to the tail. A newcomer to a full bucket does not push
 * anyone out on its own: the least-recently seen contact is pinged, and only if it fails to answer is
 * it evicted and the newcomer put at the tail; if it answers, it moves to the tail and the newcomer is
 * dropped. Old contacts that still answer are kept because they are the likeliest to stay.
 *
 * <p>While that ping is out, the most recent newcomer waits as the candidate (a replacement cache of
 * one, section 4.1). The bucket holds no timers and sends nothing: it says when a ping is needed, and
 * is told how the ping went.
 *
 * <p>The contacts' ids are also kept packed in one byte array, so that finding a contact, and
 * ordering contacts by distance, read one small array rather than every contact's id.
 */
final class KBucket {
    /** What offering a contact that was heard from did. */
    enum Offer {
        /** Already known: moved to the tail. */
        SEEN,
        /** There was room: added at the tail. */
        ADDED,
        /** Full: the least-recently seen contact must be pinged ({@link #pinged()}); the newcomer waits. */
        PING,
        /** Full, and a ping is already out: the newcomer replaces the waiting candidate. */
        WAITING,
        /** Full, and even the least-recently seen contact was heard from lately: the newcomer is dropped. */
        DROPPED
    }

    private static final int ID = Key.BYTES;

    private NodeRef[] contacts = new NodeRef[4];
    private byte[] ids = new byte[4 * ID];
    /** When each contact was last heard from, in seconds of the table's clock. */
    private int[] seenAt = new int[4];
    private int size;
    private NodeRef pinged;
    private NodeRef candidate;
    private int candidateSeenAt;
    private long refreshedAt = Long.MIN_VALUE;

    /**
     * Takes note that {@code node}, whose id is {@code id} in bytes, was heard from at {@code now}
     * (seconds); {@code capacity} is how many contacts fit. When the bucket is full and its
     * least-recently seen contact was heard from less than {@code aliveSeconds} ago, that contact is
     * known to be alive without a ping, and the newcomer is dropped at once.
     */
    Offer offer(NodeRef node, byte[] id, int capacity, int now, int aliveSeconds) {
        int at = indexOf(id);
        if (at >= 0) {
            moveToTail(at, node, id, now);
            return Offer.SEEN;
        }
        if (size < capacity) {
            if (size == contacts.length) grow(Math.min(2 * size, capacity));
            append(node, id, now);
            return Offer.ADDED;
        }
        if (pinged != null) {
            candidate = node;
            candidateSeenAt = now;
            return Offer.WAITING;
        }
        if (now - seenAt[0] < aliveSeconds) return Offer.DROPPED;
        candidate = node;
        candidateSeenAt = now;
        pinged = contacts[0];
        return Offer.PING;
    }

    /** The pinged contact answered at {@code now}: it stays (moved to the tail), and the newcomer is dropped. */
    void pingAnswered(NodeRef node, int now) {
        if (!node.equals(pinged)) return;
        byte[] id = node.id().toBytes();
        int at = indexOf(id);
        if (at >= 0) moveToTail(at, contacts[at], id, now);
        pinged = null;
        candidate = null;
    }

    /**
     * The pinged contact did not answer: it is evicted and the waiting newcomer takes its place.
     * Returns the newcomer, or null when there was nothing to do.
     */
    NodeRef pingFailed(NodeRef node) {
        if (!node.equals(pinged)) return null;
        removeAt(indexOf(node.id().toBytes()));
        return promoteCandidate();
    }

    /** Forgets the contact (or waiting newcomer) at {@code address}; returns the contact, or null if it was not here. */
    NodeRef remove(Address address) {
        if (candidate != null && candidate.address().equals(address)) candidate = null;
        for (int i = 0; i < size; i++) {
            if (contacts[i].address().equals(address)) {
                NodeRef gone = contacts[i];
                removeAt(i);
                if (gone.equals(pinged)) promoteCandidate();
                return gone;
            }
        }
        return null;
    }

    /** Keeps the {@code capacity} least-recently seen contacts (the bucket left the neighbourhood). */
    void trimTo(int capacity) {
        if (size <= capacity) return;
        for (int i = capacity; i < size; i++) {
            if (contacts[i].equals(pinged)) pinged = null;
            contacts[i] = null;
        }
        size = capacity;
        if (pinged == null) candidate = null;
    }

    /** Appends every contact to {@code out}, closest to {@code target} (an id in bytes) first. */
    void appendByDistance(byte[] target, List<NodeRef> out) {
        int[] order = new int[size];
        for (int c = 0; c < size; c++) {
            int at = c;
            while (at > 0 && compareDistance(order[at - 1], c, target) > 0) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = c;
        }
        for (int c : order) out.add(contacts[c]);
    }

    /** When the contact {@code id} (in bytes) was last heard from, in the bucket's seconds; -1 if unknown. */
    int seenAt(byte[] id) {
        int at = indexOf(id);
        return at < 0 ? -1 : seenAt[at];
    }

    /** The contact at {@code index}, 0 being the least-recently seen. */
    NodeRef get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        return contacts[index];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The contact being pinged to decide an eviction, or null. */
    NodeRef pinged() {
        return pinged;
    }

    /** The newcomer waiting on that ping, or null. */
    NodeRef candidate() {
        return candidate;
    }

    long refreshedAt() {
        return refreshedAt;
    }

    void refreshed(long nowMillis) {
        refreshedAt = nowMillis;
    }

    private NodeRef promoteCandidate() {
        NodeRef in = candidate;
        pinged = null;
        candidate = null;
        byte[] id = in == null ? null : in.id().toBytes();
        if (in != null && indexOf(id) < 0) {
            append(in, id, candidateSeenAt);
            return in;
        }
        return null;
    }

    /** Compares the XOR distances of contacts {@code a} and {@code b} to {@code target}. */
    private int compareDistance(int a, int b, byte[] target) {
        int ia = a * ID, ib = b * ID;
        for (int i = 0; i < ID; i++) {
            int da = (ids[ia + i] ^ target[i]) & 0xFF;
            int db = (ids[ib + i] ^ target[i]) & 0xFF;
            if (da != db) return da - db;
        }
        return 0;
    }

    private int indexOf(byte[] id) {
        for (int i = 0; i < size; i++) {
            if (Arrays.equals(ids, i * ID, i * ID + ID, id, 0, ID)) return i;
        }
        return -1;
    }

    /** Moves the contact at {@code at}, whose id is {@code id}, to the tail, with the address it was last heard from. */
    private void moveToTail(int at, NodeRef latest, byte[] id, int now) {
        NodeRef known = contacts[at];
        removeAt(at);
        append(latest.equals(known) ? known : latest, id, now);
    }

    /** Room for {@code length} contacts: a full bucket outside the neighbourhood holds exactly k. */
    private void grow(int length) {
        contacts = Arrays.copyOf(contacts, length);
        ids = Arrays.copyOf(ids, length * ID);
        seenAt = Arrays.copyOf(seenAt, length);
    }

    private void append(NodeRef node, byte[] id, int now) {
        if (size == contacts.length) grow(2 * size);
        System.arraycopy(id, 0, ids, size * ID, ID);
        seenAt[size] = now;
        contacts[size++] = node;
    }

    private void removeAt(int at) {
        if (at < 0) return;
        System.arraycopy(contacts, at + 1, contacts, at, size - at - 1);
        System.arraycopy(ids, (at + 1) * ID, ids, at * ID, (size - at - 1) * ID);
        System.arraycopy(seenAt, at + 1, seenAt, at, size - at - 1);
        contacts[--size] = null;
    }
}
