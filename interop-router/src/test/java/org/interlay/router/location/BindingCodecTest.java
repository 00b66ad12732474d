package org.interlay.router.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingCodecTest {
    private final AddressOfRecord bob = AddressOfRecord.parse("sip:bob@kad.lab");

    @Test
    void roundTrip() throws Exception {
        BindingSet set = new BindingSet(bob, List.of(
                new Binding("sip:bob@127.0.0.1:5090;transport=udp", Instant.ofEpochMilli(1_700_000_123_456L), 1000, "c1@h", 3),
                new Binding("sip:bob@127.0.0.1:6090", Instant.ofEpochMilli(1_700_000_999_000L), 500, "c2", 1)));
        assertEquals(set, BindingCodec.decode(bob, BindingCodec.encode(set)));
        assertEquals(BindingSet.empty(bob), BindingCodec.decode(bob, BindingCodec.encode(BindingSet.empty(bob))));
    }

    @Test
    void garbageIsRefusedWithATypedError() {
        for (String bad : List.of("", "hello\n", "interlay-binding 1\n1\t2\t3\n", "interlay-binding 1\nx\t1000\t1\tc\tsip:a@b\n",
                "interlay-binding 1\n1\t5000\t1\tc\tsip:a@b\n", "interlay-binding 2\n")) {
            assertThrows(RecordFormatException.class, () -> BindingCodec.decode(bob, bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }

    @Test
    void addressOfRecordIsCanonical() {
        assertEquals("sip:bob@kad.lab", AddressOfRecord.parse("bob@KAD.lab").toString());
        assertThrows(IllegalArgumentException.class, () -> AddressOfRecord.parse("sip:kad.lab"));
        assertThrows(IllegalArgumentException.class, () -> AddressOfRecord.parse("sip:bob@kad.lab;transport=udp"));
    }
}
