package org.interlay.overlay;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

/**
 * A 160-bit identifier: the id of a node or of a stored key, the SHA-1 of a name.
 *
 * <p>All identifier arithmetic lives here: ring order and distance (Chord, Pastry), XOR distance
 * (Kademlia), digits (Pastry's base 2^b), powers of two (Chord's finger starts). Values are
 * unsigned and held in three words, most significant first, so comparisons allocate nothing.
 */
public final class Key implements Comparable<Key> {
    public static final int BITS = 160;
    public static final int BYTES = 20;
    public static final Key ZERO = new Key(0, 0, 0);
    public static final Key MAX = new Key(-1L, -1L, -1);

    private final long high;   // bits 159..96
    private final long middle; // bits 95..32
    private final int low;     // bits 31..0

    private Key(long high, long middle, int low) {
        this.high = high;
        this.middle = middle;
        this.low = low;
    }

    /** The SHA-1 of the UTF-8 bytes of {@code name}. */
    public static Key hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(name.getBytes(StandardCharsets.UTF_8));
            return fromBytes(digest, 0);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }

    public static Key random(Random random) {
        return new Key(random.nextLong(), random.nextLong(), random.nextInt());
    }

    public static Key fromBytes(byte[] bytes, int offset) {
        if (bytes.length - offset < BYTES) {
            throw new IllegalArgumentException("a key needs " + BYTES + " bytes, got " + (bytes.length - offset));
        }
        long h = 0, m = 0;
        int l = 0;
        for (int i = 0; i < 8; i++) h = (h << 8) | (bytes[offset + i] & 0xFF);
        for (int i = 8; i < 16; i++) m = (m << 8) | (bytes[offset + i] & 0xFF);
        for (int i = 16; i < 20; i++) l = (l << 8) | (bytes[offset + i] & 0xFF);
        return new Key(h, m, l);
    }

    /** Parses 40 hexadecimal digits. */
    public static Key fromHex(String hex) {
        if (hex.length() != 40) throw new IllegalArgumentException("a key is 40 hex digits, got " + hex.length());
        try {
            return new Key(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                    Long.parseUnsignedLong(hex.substring(16, 32), 16),
                    Integer.parseUnsignedInt(hex.substring(32, 40), 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a hexadecimal key: " + hex, e);
        }
    }

    public static Key fromBigInteger(BigInteger value) {
        BigInteger v = value.mod(BigInteger.ONE.shiftLeft(BITS));
        return new Key(v.shiftRight(96).longValue(), v.shiftRight(32).longValue(), v.intValue());
    }

    /** 2^i, for 0 <= i < 160. */
    public static Key powerOfTwo(int i) {
        checkBit(i);
        if (i < 32) return new Key(0, 0, 1 << i);
        if (i < 96) return new Key(0, 1L << (i - 32), 0);
        return new Key(1L << (i - 96), 0, 0);
    }

    public void writeTo(byte[] out, int offset) {
        for (int i = 0; i < 8; i++) out[offset + i] = (byte) (high >>> (56 - 8 * i));
        for (int i = 0; i < 8; i++) out[offset + 8 + i] = (byte) (middle >>> (56 - 8 * i));
        for (int i = 0; i < 4; i++) out[offset + 16 + i] = (byte) (low >>> (24 - 8 * i));
    }

    public byte[] toBytes() {
        byte[] out = new byte[BYTES];
        writeTo(out, 0);
        return out;
    }

    public BigInteger toBigInteger() {
        return new BigInteger(1, toBytes());
    }

    /** (this + other) mod 2^160. */
    public Key add(Key other) {
        long l = (low & 0xFFFFFFFFL) + (other.low & 0xFFFFFFFFL);
        long m = middle + other.middle;
        long carryM = Long.compareUnsigned(m, middle) < 0 ? 1 : 0;
        long m2 = m + (l >>> 32);
        carryM += Long.compareUnsigned(m2, m) < 0 ? 1 : 0;
        long h = high + other.high + carryM;
        return new Key(h, m2, (int) l);
    }

    /** (this - other) mod 2^160: the clockwise distance from {@code other} to this on the ring. */
    public Key subtract(Key other) {
        return add(other.negate());
    }

    /** (2^160 - this) mod 2^160. */
    public Key negate() {
        return new Key(~high, ~middle, ~low).add(ONE);
    }

    private static final Key ONE = new Key(0, 0, 1);

    public Key xor(Key other) {
        return new Key(high ^ other.high, middle ^ other.middle, low ^ other.low);
    }

    /** Clockwise ring distance from this to {@code to}: (to - this) mod 2^160. */
    public Key clockwiseTo(Key to) {
        return to.subtract(this);
    }

    /** The shorter of the two ways round the ring between this and {@code other}. */
    public Key ringDistance(Key other) {
        Key a = clockwiseTo(other);
        Key b = other.clockwiseTo(this);
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** True when this lies in the ring interval (from, to), both ends open; (x, x) is the whole ring but x. */
    public boolean isBetweenExclusive(Key from, Key to) {
        if (from.equals(to)) return !equals(from);
        return from.clockwiseTo(this).compareTo(from.clockwiseTo(to)) < 0 && !equals(from);
    }

    /** True when this lies in the ring interval (from, to]; (x, x] is the whole ring. */
    public boolean isBetweenRightInclusive(Key from, Key to) {
        if (from.equals(to)) return true;
        Key d = from.clockwiseTo(this);
        return !d.isZero() && d.compareTo(from.clockwiseTo(to)) <= 0;
    }

    public boolean isZero() {
        return high == 0 && middle == 0 && low == 0;
    }

    /** Bit i, where 159 is the most significant. */
    public boolean bit(int i) {
        checkBit(i);
        if (i < 32) return ((low >>> i) & 1) != 0;
        if (i < 96) return ((middle >>> (i - 32)) & 1) != 0;
        return ((high >>> (i - 96)) & 1) != 0;
    }

    /** Number of leading zero bits, 160 for zero. */
    public int leadingZeros() {
        if (high != 0) return Long.numberOfLeadingZeros(high);
        if (middle != 0) return 64 + Long.numberOfLeadingZeros(middle);
        return 128 + Integer.numberOfLeadingZeros(low);
    }

    /** Index of the highest differing bit with {@code other} (Kademlia's bucket index), -1 when equal. */
    public int highestDifferingBit(Key other) {
        return BITS - 1 - xor(other).leadingZeros();
    }

    /**
     * The digit at position {@code index} (0 = most significant) when the key is read in base
     * 2^bitsPerDigit; bitsPerDigit must divide 160.
     */
    public int digit(int index, int bitsPerDigit) {
        if (bitsPerDigit < 1 || bitsPerDigit > 8 || BITS % bitsPerDigit != 0) {
            throw new IllegalArgumentException("bits per digit must divide 160 and be at most 8: " + bitsPerDigit);
        }
        int digits = BITS / bitsPerDigit;
        if (index < 0 || index >= digits) throw new IllegalArgumentException("digit index out of range: " + index);
        int shift = BITS - (index + 1) * bitsPerDigit; // position of the digit's lowest bit
        int value = 0;
        for (int b = bitsPerDigit - 1; b >= 0; b--) {
            value = (value << 1) | (bit(shift + b) ? 1 : 0);
        }
        return value;
    }

    /** Number of leading digits (base 2^bitsPerDigit) shared with {@code other}. */
    public int sharedPrefixDigits(Key other, int bitsPerDigit) {
        return Math.min(xor(other).leadingZeros(), BITS) / bitsPerDigit;
    }

    @Override
    public int compareTo(Key o) {
        int c = Long.compareUnsigned(high, o.high);
        if (c != 0) return c;
        c = Long.compareUnsigned(middle, o.middle);
        if (c != 0) return c;
        return Integer.compareUnsigned(low, o.low);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key k && k.high == high && k.middle == middle && k.low == low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high * 31 + middle) * 31 + low;
    }

    /** 40 hexadecimal digits. */
    public String toHex() {
        return String.format("%016x%016x%08x", high, middle, low);
    }

    /** The first 8 hex digits, enough to tell nodes apart in logs and tables. */
    public String shortHex() {
        return toHex().substring(0, 8);
    }

    @Override
    public String toString() {
        return shortHex();
    }

    private static void checkBit(int i) {
        if (i < 0 || i >= BITS) throw new IllegalArgumentException("bit index out of range: " + i);
    }
}
