package org.interlay.overlay.node;

import org.interlay.overlay.Key;

/** How an algorithm ranks candidate nodes for a target key: negative when {@code a} is closer than {@code b}. */
@FunctionalInterface
public interface DistanceOrder {
    int compare(Key target, Key a, Key b);

    /** Chord: the node that precedes the target most closely, going clockwise. */
    DistanceOrder CLOCKWISE_PRECEDING = (t, a, b) -> a.clockwiseTo(t).compareTo(b.clockwiseTo(t));

    /** Kademlia: XOR distance. */
    DistanceOrder XOR = (t, a, b) -> a.xor(t).compareTo(b.xor(t));

    /** Pastry: longer shared prefix (base 2^bitsPerDigit) first, then numerically closer around the ring. */
    static DistanceOrder prefixThenNumeric(int bitsPerDigit) {
        return (t, a, b) -> {
            int c = Integer.compare(b.sharedPrefixDigits(t, bitsPerDigit), a.sharedPrefixDigits(t, bitsPerDigit));
            return c != 0 ? c : a.ringDistance(t).compareTo(b.ringDistance(t));
        };
    }
}
