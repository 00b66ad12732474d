package org.interlay.router.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link WireForm#problem}, which scans the bytes, gives the answer of the checks written as regular
 * expressions on the decoded text ({@link WireFormReference}) for the RFC 4475 torture messages and for
 * seeded random edits of them and of a plain request: bytes that matter to the checks (spaces, tabs,
 * CR, LF, colons, quotes, brackets, backslashes, letters of the checked header names, Latin-1) put in,
 * taken out, doubled.
 */
class WireFormAgreementTest {
    private static final String[] TORTURE = {"badaspec", "badbranch", "baddate", "baddn", "badinv01", "badvers", "bcast",
            "bext01", "bigcode", "clerr", "cparam01", "cparam02", "dblreq", "esc01", "esc02", "escnull", "escruri", "insuf",
            "intmeth", "inv2543", "invut", "longreq", "ltgtruri", "lwsdisp", "lwsruri", "lwsstart", "mcl01", "mismatch01",
            "mismatch02", "mpart01", "multi01", "ncl", "noreason", "novelsc", "quotbal", "regaut01", "regbadct", "regescrt",
            "scalar02", "scalarlg", "sdp01", "semiuri", "transports", "trws", "unkscm", "unksm2", "unreason", "wsinv", "zeromf"};
    private static final String PLAIN = "INVITE sip:bob@kad.lab SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\n"
            + "From: \"Alice \\\"A\\\" <x>\" <sip:alice@chord.lab>;tag=1\r\n"
            + "To: Bob <sip:bob@kad.lab>\r\n"
            + "f: <sip:carol@chord.lab>\r\n"
            + "Contact: <sip:alice@127.0.0.1:5070>\r\n"
            + "m: Alice <sip:alice@127.0.0.1:5071>\r\n"
            + "Call-ID: c1\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Max-Forwards: 70\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: 4\r\n\r\nv=0\n";
    private static final byte[] INTERESTING = " \t\r\n:\"<>\\,;@lLmMtTfFcCiI\u00e9\u00c0\u0085".getBytes(StandardCharsets.ISO_8859_1);
    private static final int EDITS_PER_MESSAGE = 400;

    @Test
    void theTortureMessagesGetTheSameAnswer() throws IOException {
        for (String name : TORTURE) {
            byte[] message = torture(name);
            assertEquals(WireFormReference.problem(message), WireForm.problem(message), name);
        }
    }

    @Test
    void randomEditsGetTheSameAnswer() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(PLAIN.getBytes(StandardCharsets.ISO_8859_1));
        seeds.add(PLAIN.replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1));
        for (String name : TORTURE) seeds.add(torture(name));
        Random random = new Random(4475);
        int refused = 0;
        int checked = 0;
        for (byte[] seed : seeds) {
            for (int i = 0; i < EDITS_PER_MESSAGE; i++) {
                byte[] edited = edit(seed, random, 1 + random.nextInt(3));
                String expected = WireFormReference.problem(edited);
                assertEquals(expected, WireForm.problem(edited), () -> new String(edited, StandardCharsets.ISO_8859_1));
                if (expected != null) refused++;
                checked++;
            }
        }
        assertTrue(refused > checked / 10 && refused < checked - checked / 10,
                "the edits make both kinds of message: " + refused + " refused of " + checked);
    }

    /** {@code edits} edits of {@code message}, mostly in its head, where the checks look. */
    private static byte[] edit(byte[] message, Random random, int edits) {
        byte[] out = message;
        for (int e = 0; e < edits; e++) {
            int head = Math.max(1, Math.min(out.length, 400));
            int at = random.nextInt(head);
            byte b = INTERESTING[random.nextInt(INTERESTING.length)];
            switch (random.nextInt(4)) {
                case 0 -> out = splice(out, at, 0, new byte[] {b});
                case 1 -> out = splice(out, at, Math.min(1, out.length - at), new byte[0]);
                case 2 -> out = splice(out, at, Math.min(1, out.length - at), new byte[] {b});
                default -> out = splice(out, at, 0, new byte[] {out[at], out[at]});
            }
        }
        return out;
    }

    private static byte[] splice(byte[] bytes, int at, int removed, byte[] inserted) {
        byte[] out = new byte[bytes.length - removed + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at + removed, out, at + inserted.length, bytes.length - at - removed);
        return out;
    }

    private static byte[] torture(String name) throws IOException {
        try (InputStream in = WireFormAgreementTest.class.getResourceAsStream("/rfc4475/" + name + ".sip")) {
            if (in == null) throw new IOException("no torture message " + name);
            return in.readAllBytes();
        }
    }
}
