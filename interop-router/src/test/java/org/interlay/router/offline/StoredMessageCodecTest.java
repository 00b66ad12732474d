package org.interlay.router.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.interlay.router.location.RecordFormatException;
import org.junit.jupiter.api.Test;

/** Stored messages and mailbox indexes survive encoding; bad bytes are refused with a clear error. */
class StoredMessageCodecTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void aMessageComesBackAsStoredWithItsBodyBytesUntouched() throws Exception {
        byte[] body = "line one\nline two\r\n\u00e9\t".getBytes(StandardCharsets.UTF_8);
        StoredMessage m = new StoredMessage("0123456789abcdef", AT, "\"Alice\" <sip:alice@chord.lab>;tag=x", "<sip:bob@kad.lab>",
                "c1@host", 7, "text/plain;charset=UTF-8", "Thu, 01 Jan 2026 10:00:00 GMT", body);
        StoredMessage back = StoredMessageCodec.decode(StoredMessageCodec.encode(m));
        assertEquals(m.id(), back.id());
        assertEquals(m.storedAt(), back.storedAt());
        assertEquals(m.from(), back.from());
        assertEquals(m.date(), back.date());
        assertEquals(7, back.cseq());
        assertArrayEquals(body, back.body());
    }

    @Test
    void badMessageRecordsAreRefusedWithAClearError() {
        byte[] good = StoredMessageCodec.encode(OfflineMailboxTest.message(AT, 1));
        String cut = assertThrows(RecordFormatException.class,
                () -> StoredMessageCodec.decode(Arrays.copyOf(good, 40))).getMessage();
        assertTrue(cut.contains("cut short"), cut);
        assertTrue(assertThrows(RecordFormatException.class,
                () -> StoredMessageCodec.decode("interlay-binding 1\n\n\n\n\n\n\n\n\n".getBytes(StandardCharsets.UTF_8)))
                .getMessage().contains("not a stored message"));
        String badTime = new String(good, StandardCharsets.UTF_8).replaceFirst("\n\\d+\n", "\nsoon\n");
        assertTrue(assertThrows(RecordFormatException.class,
                () -> StoredMessageCodec.decode(badTime.getBytes(StandardCharsets.UTF_8))).getMessage().contains("bad stored message"));
        assertThrows(RecordFormatException.class, () -> StoredMessageCodec.decode(new byte[0]));
    }

    @Test
    void aMessageSplitInPartsJoinsBackAndBadPartsAreRefused() throws Exception {
        byte[] whole = new byte[10_000];
        Arrays.fill(whole, (byte) 'x');
        List<byte[]> values = MessageParts.split(whole);
        assertEquals(2, values.size());
        List<MessageParts.Part> parts = List.of(MessageParts.read(values.get(0)), MessageParts.read(values.get(1)));
        assertArrayEquals(whole, MessageParts.join(parts));
        String swapped = assertThrows(RecordFormatException.class, () -> MessageParts.join(List.of(parts.get(1), parts.get(0))))
                .getMessage();
        assertTrue(swapped.contains("out of place"), swapped);
        assertTrue(assertThrows(RecordFormatException.class, () -> MessageParts.read(
                "interlay-offline-part 4 3\nx".getBytes(StandardCharsets.UTF_8))).getMessage().contains("bad part line"));
        assertTrue(assertThrows(RecordFormatException.class, () -> MessageParts.read(
                "interlay-offline-part one 1\nx".getBytes(StandardCharsets.UTF_8))).getMessage().contains("bad part line"));
        assertTrue(assertThrows(RecordFormatException.class, () -> MessageParts.read(new byte[100]))
                .getMessage().contains("not a part"));
    }

    @Test
    void anIndexComesBackInOrder() throws Exception {
        MailboxIndex index = new MailboxIndex(List.of(new MailboxIndex.Entry(AT, "aa", 1), new MailboxIndex.Entry(AT.plusSeconds(1), "bb", 2)));
        assertEquals(index, MailboxIndexCodec.decode(MailboxIndexCodec.encode(index), 20));
    }

    @Test
    void badIndexRecordsAreRefusedWithAClearError() {
        assertTrue(assertThrows(RecordFormatException.class, () -> MailboxIndexCodec.decode(
                "interlay-offline-index 1\n12\tNOT-HEX\t1\n".getBytes(StandardCharsets.UTF_8), 20)).getMessage().contains("line 1"));
        assertTrue(assertThrows(RecordFormatException.class, () -> MailboxIndexCodec.decode(
                "interlay-offline-index 1\n12\n".getBytes(StandardCharsets.UTF_8), 20)).getMessage().contains("1 fields"));
        assertTrue(assertThrows(RecordFormatException.class, () -> MailboxIndexCodec.decode(
                "interlay-offline-index 1\n1\ta\t1\n2\tb\t1\n3\tc\t1\n".getBytes(StandardCharsets.UTF_8), 2)).getMessage().contains("more than 2"));
        assertThrows(RecordFormatException.class, () -> MailboxIndexCodec.decode("no\n".getBytes(StandardCharsets.UTF_8), 20));
    }
}
