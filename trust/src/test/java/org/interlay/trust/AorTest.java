package org.interlay.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AorTest {
    @Test
    void tryParseIsEmptyWhereParseRefuses() {
        assertEquals(java.util.Optional.of(Aor.parse("sip:alice@chord.lab")), Aor.tryParse("alice@chord.lab"));
        assertEquals(java.util.Optional.empty(), Aor.tryParse(null));
        assertEquals(java.util.Optional.empty(), Aor.tryParse("presence:alice@chord.lab:5060"));
        assertEquals(java.util.Optional.empty(), Aor.tryParse("no-at-sign"));
    }

    @Test
    void anAddressOfRecordIsReadWithOrWithoutItsSchemeAndItsDomainInLowerCase() {
        assertEquals(new Aor("alice", "chord.lab"), Aor.parse("sip:alice@chord.lab"));
        assertEquals(new Aor("alice", "chord.lab"), Aor.parse("alice@Chord.LAB"));
        assertEquals("sip:bob.smith+1@kad.lab", Aor.parse("SIP:bob.smith+1@kad.lab").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "sip:alice", "sip:@chord.lab", "sip:alice@", "sip:alice@chord.lab:5060",
            "sip:alice@chord.lab;transport=udp", "sips:alice@chord.lab", "sip:al ice@chord.lab", "sip:alice@chord..lab",
            "sip:alice@-chord.lab", "sip:a@b@chord.lab"})
    void whatIsNoAddressOfRecordIsSaidSo(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Aor.parse(text));
        assertTrue(e.getMessage().startsWith("not an address of record: '" + text + "'"), e.getMessage());
    }
}
