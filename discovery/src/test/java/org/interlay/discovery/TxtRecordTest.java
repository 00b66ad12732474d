package org.interlay.discovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TxtRecordTest {

    private static byte[] strings(String... texts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String text : texts) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length);
            out.write(bytes, 0, bytes.length);
        }
        return out.toByteArray();
    }

    @Test
    void encodesLengthPrefixedStringsInOrder() {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("ov", "chord");
        pairs.put("sip", "");
        assertArrayEquals(strings("ov=chord", "sip="), TxtRecord.of(pairs).encode());
    }

    @Test
    void emptyRecordIsOneEmptyString() throws InvalidAdvertException {
        assertArrayEquals(new byte[] {0}, TxtRecord.of(Map.of()).encode());
        assertTrue(TxtRecord.decode(new byte[] {0}).isEmpty());
        assertTrue(TxtRecord.decode(new byte[0]).isEmpty());
    }

    @Test
    void decodesWhatItEncodes() throws InvalidAdvertException {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("ov", "kad");
        pairs.put("domain", "kad.lab");
        pairs.put("note", "a=b");
        TxtRecord record = TxtRecord.of(pairs);
        assertEquals(record, TxtRecord.decode(record.encode()));
        assertEquals(Optional.of("a=b"), TxtRecord.decode(record.encode()).value("note"));
    }

    @Test
    void followsRfc6763KeyRules() throws InvalidAdvertException {
        TxtRecord record = TxtRecord.decode(strings("OV=first", "ov=second", "=ignored", "flag", "", "empty="));
        assertEquals(Optional.of("first"), record.value("ov"), "keys are case-insensitive and the first one wins");
        assertTrue(record.has("flag"));
        assertEquals(Optional.empty(), record.value("flag"), "a key without '=' has no value");
        assertEquals(Optional.of(""), record.value("empty"));
        assertFalse(record.has(""));
        assertEquals(3, record.asMap().size());
    }

    @Test
    void rejectsAStringRunningPastTheEnd() {
        byte[] truncated = strings("ov=chord");
        truncated[0] = 40;
        InvalidAdvertException error = assertThrows(InvalidAdvertException.class, () -> TxtRecord.decode(truncated));
        assertEquals(InvalidAdvertException.Problem.MALFORMED_TXT, error.problem());
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] bad = {4, 'o', 'v', '=', (byte) 0xC3};
        InvalidAdvertException error = assertThrows(InvalidAdvertException.class, () -> TxtRecord.decode(bad));
        assertEquals(InvalidAdvertException.Problem.MALFORMED_TXT, error.problem());
    }

    @Test
    void refusesToEncodeAStringOver255Bytes() {
        TxtRecord record = TxtRecord.of(Map.of("boot", "x".repeat(251)));
        assertThrows(IllegalArgumentException.class, record::encode);
        assertEquals(255, TxtRecord.of(Map.of("boot", "x".repeat(250))).encode()[0] & 0xff);
    }
}
