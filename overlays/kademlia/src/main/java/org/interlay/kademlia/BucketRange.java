package org.interlay.kademlia;

import java.util.Random;
import org.interlay.overlay.Key;

/**
 * The ids a k-bucket covers, seen from one node (section 2.2): bucket {@code i} holds the nodes whose
 * XOR distance from it lies in [2^i, 2^(i+1)), that is, the ids that share the node's bits above
 * {@code i} and differ at bit {@code i}. Those ids form one contiguous interval of the id space,
 * which lets a sorted list of ids answer "who is in this bucket" by two binary searches.
 */
record BucketRange(Key lowest, Key highest) {
    /** The range of bucket {@code index} of the node {@code self}. */
    static BucketRange of(Key self, int index) {
        Key flipped = self.xor(Key.powerOfTwo(index));
        return new BucketRange(withLowBits(flipped, index, false), withLowBits(flipped, index, true));
    }

    /** The ids within XOR distance 2^(bit+1) of {@code self}: those sharing its bits above {@code bit}. */
    static BucketRange subtreeOf(Key self, int bit) {
        return new BucketRange(withLowBits(self, bit + 1, false), withLowBits(self, bit + 1, true));
    }

    /** A uniformly random id in bucket {@code index} of {@code self}: the target of a bucket refresh. */
    static Key randomIn(Key self, int index, Random random) {
        Key noise = Key.random(random);
        Key lowBitsOnly = noise.xor(withLowBits(noise, index, false));
        return self.xor(Key.powerOfTwo(index)).xor(lowBitsOnly);
    }

    boolean contains(Key id) {
        return id.compareTo(lowest) >= 0 && id.compareTo(highest) <= 0;
    }

    /** {@code key} with bits {@code [0, count)} all cleared, or all set. */
    static Key withLowBits(Key key, int count, boolean set) {
        if (count <= 0) return key;
        byte[] b = key.toBytes();
        int whole = count / 8;
        for (int i = 0; i < whole; i++) b[Key.BYTES - 1 - i] = (byte) (set ? 0xFF : 0);
        int rest = count % 8;
        if (rest > 0) {
            int mask = (1 << rest) - 1;
            int at = Key.BYTES - 1 - whole;
            b[at] = (byte) (set ? (b[at] | mask) : (b[at] & ~mask));
        }
        return Key.fromBytes(b, 0);
    }
}
