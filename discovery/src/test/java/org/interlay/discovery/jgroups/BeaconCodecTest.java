package org.interlay.discovery.jgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.interlay.discovery.Adverts;
import org.interlay.discovery.InvalidAdvertException;
import org.junit.jupiter.api.Test;

class BeaconCodecTest {

    private static final Beacon TWO_ADVERTS = Beacon.serving(List.of(Adverts.chord("n1"),
            Adverts.router("kad", Adverts.KADEMLIA, "n1", "10.0.0.1:4001")));

    private static InvalidAdvertException.Problem problemDecoding(byte[] bytes) {
        return assertThrows(InvalidAdvertException.class, () -> BeaconCodec.decode(bytes, 0, bytes.length)).problem();
    }

    @Test
    void roundTrips() throws InvalidAdvertException {
        byte[] bytes = BeaconCodec.encode(TWO_ADVERTS);
        assertEquals(TWO_ADVERTS, BeaconCodec.decode(bytes, 0, bytes.length));
        byte[] goodbye = BeaconCodec.encode(Beacon.goodbye());
        assertEquals(Beacon.goodbye(), BeaconCodec.decode(goodbye, 0, goodbye.length));
    }

    @Test
    void decodesFromAnOffset() throws InvalidAdvertException {
        byte[] bytes = BeaconCodec.encode(TWO_ADVERTS);
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        assertEquals(TWO_ADVERTS, BeaconCodec.decode(padded, 3, bytes.length));
    }

    @Test
    void rejectsEveryTruncation() {
        byte[] bytes = BeaconCodec.encode(TWO_ADVERTS);
        for (int length = 0; length < bytes.length; length++) {
            int cut = length;
            assertThrows(InvalidAdvertException.class, () -> BeaconCodec.decode(bytes, 0, cut), "cut at " + cut);
        }
    }

    @Test
    void rejectsTrailingBytesForeignMagicAndOtherVersions() {
        byte[] bytes = BeaconCodec.encode(TWO_ADVERTS);
        assertEquals(InvalidAdvertException.Problem.MALFORMED_BEACON, problemDecoding(Arrays.copyOf(bytes, bytes.length + 1)));
        assertEquals(InvalidAdvertException.Problem.MALFORMED_BEACON, problemDecoding("hello, group".getBytes(StandardCharsets.UTF_8)));
        byte[] v2 = bytes.clone();
        v2[4] = 2;
        assertEquals(InvalidAdvertException.Problem.MALFORMED_BEACON, problemDecoding(v2));
    }

    @Test
    void aBeaconWithOneBadAdvertIsRejectedWhole() {
        byte[] bytes = BeaconCodec.encode(TWO_ADVERTS);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("algo=kademlia", "algo=Kademlia");
        assertEquals(InvalidAdvertException.Problem.BAD_ALGORITHM, problemDecoding(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void randomBytesNeverDecode() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            byte[] noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            assertThrows(InvalidAdvertException.class, () -> BeaconCodec.decode(noise, 0, noise.length));
        }
    }
}
