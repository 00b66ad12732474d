package org.interlay.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyTest {
    private static final BigInteger RING = BigInteger.ONE.shiftLeft(160);
    private final Random random = new Random(7);

    @Test
    void hashIsSha1OfTheName() {
        // SHA-1("abc") from FIPS 180-2, appendix A.1
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", Key.hash("abc").toHex());
    }

    @Test
    void arithmeticAgreesWithBigIntegerModulo2To160() {
        for (int i = 0; i < 2000; i++) {
            Key a = Key.random(random), b = Key.random(random);
            BigInteger x = a.toBigInteger(), y = b.toBigInteger();
            assertEquals(x.add(y).mod(RING), a.add(b).toBigInteger());
            assertEquals(x.subtract(y).mod(RING), a.subtract(b).toBigInteger());
            assertEquals(x.xor(y), a.xor(b).toBigInteger());
            assertEquals(Integer.signum(x.compareTo(y)), Integer.signum(a.compareTo(b)));
            assertEquals(a, Key.fromHex(a.toHex()));
            assertEquals(a, Key.fromBytes(a.toBytes(), 0));
        }
    }

    @Test
    void carriesAcrossEveryWord() {
        Key allLow = Key.fromHex("00000000000000000000000000000000ffffffff");
        assertEquals("0000000000000000000000000000000100000000", allLow.add(Key.powerOfTwo(0)).toHex());
        Key allMiddle = Key.fromHex("0000000000000000ffffffffffffffffffffffff");
        assertEquals("0000000000000001000000000000000000000000", allMiddle.add(Key.powerOfTwo(0)).toHex());
        assertEquals(Key.ZERO, Key.MAX.add(Key.powerOfTwo(0)));
    }

    @Test
    void powersOfTwo() {
        for (int i = 0; i < 160; i++) {
            assertEquals(BigInteger.ONE.shiftLeft(i), Key.powerOfTwo(i).toBigInteger());
            assertTrue(Key.powerOfTwo(i).bit(i));
        }
        assertThrows(IllegalArgumentException.class, () -> Key.powerOfTwo(160));
    }

    @Test
    void ringIntervalsWrapAround() {
        Key ten = Key.fromBigInteger(BigInteger.TEN), twenty = Key.fromBigInteger(BigInteger.valueOf(20));
        Key fifteen = Key.fromBigInteger(BigInteger.valueOf(15)), five = Key.fromBigInteger(BigInteger.valueOf(5));
        assertTrue(fifteen.isBetweenExclusive(ten, twenty));
        assertFalse(twenty.isBetweenExclusive(ten, twenty));
        assertTrue(twenty.isBetweenRightInclusive(ten, twenty));
        assertFalse(ten.isBetweenRightInclusive(ten, twenty));
        assertTrue(five.isBetweenExclusive(twenty, ten), "the interval (20, 10) wraps past zero");
        assertTrue(Key.MAX.isBetweenExclusive(twenty, ten));
        assertFalse(fifteen.isBetweenExclusive(twenty, ten));
        assertTrue(fifteen.isBetweenRightInclusive(ten, ten), "(x, x] is the whole ring");
        assertFalse(ten.isBetweenExclusive(ten, ten), "(x, x) is the whole ring but x");
    }

    @Test
    void digitsAndPrefixes() {
        Key k = Key.fromHex("a1b2c3d4e5f60718293a4b5c6d7e8f9001122334");
        assertEquals(0xa, k.digit(0, 4));
        assertEquals(0x1, k.digit(1, 4));
        assertEquals(0x4, k.digit(39, 4));
        assertEquals(0xa1, k.digit(0, 8));
        Key other = Key.fromHex("a1b2c3d4ffffffffffffffffffffffffffffffff");
        assertEquals(8, k.sharedPrefixDigits(other, 4));
        assertEquals(40, k.sharedPrefixDigits(k, 4));
        assertEquals(159 - 35, k.highestDifferingBit(other)); // e = 1110 and f = 1111 part at their fourth bit
        assertEquals(-1, k.highestDifferingBit(k));
    }

    @Test
    void ringDistanceIsTheShorterWay() {
        Key a = Key.fromBigInteger(BigInteger.TEN);
        Key b = Key.MAX;
        assertEquals(BigInteger.valueOf(11), a.ringDistance(b).toBigInteger());
        assertEquals(a.ringDistance(b), b.ringDistance(a));
    }
}
