package org.interlay.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpectParserTest {
    private static final ShellWorld NO_LAB = world(0, null);
    private static long[] audio = {0, 0};

    private static Expectation parse(String line) {
        return ExpectParser.parse(LineTokenizer.split(line));
    }

    /** A world with {@code overlays} overlays; {@code unsettled} null outside a lab. */
    private static ShellWorld world(int overlays, List<String> unsettled) {
        return new ShellWorld() {
            @Override
            public int overlayCount() {
                return overlays;
            }

            @Override
            public Optional<List<String>> unsettled() {
                return Optional.ofNullable(unsettled);
            }

            @Override
            public long[] audioWith(String aor) {
                return audio;
            }
        };
    }

    @Test
    void readsEachForm() {
        assertEquals(new Expectation.Message(1, "alice@chord.lab", "hi", Duration.ofSeconds(2)),
                parse("message from alice@chord.lab containing \"hi\" within 2s"));
        assertEquals(new Expectation.Message(1, "alice@chord.lab", "", ExpectParser.DEFAULT_WITHIN),
                parse("message from alice@chord.lab"));
        assertEquals(new Expectation.Message(40, "alice@chord.lab", "in flight", Duration.ofSeconds(30)),
                parse("messages 40 from alice@chord.lab containing \"in flight\" within 30s"));
        assertEquals(new Expectation.BurstDelivered("bob@kad.lab", Duration.ofSeconds(20)),
                parse("burst to bob@kad.lab delivered within 20s"));
        assertEquals(new Expectation.Settled(Duration.ofSeconds(10)), parse("settled within 10s"));
        assertEquals(new Expectation.Presence("bob@kad.lab", "busy", Duration.ofMillis(1500)),
                parse("presence bob@kad.lab is busy within 1.5s"));
        assertEquals(new Expectation.Overlays(3, Duration.ofSeconds(5)), parse("overlays 3 within 5s"));
        assertEquals(new Expectation.CallState("ringing", "alice@chord.lab", Duration.ofSeconds(3)),
                parse("call from alice@chord.lab within 3s"));
        assertEquals(new Expectation.CallState("established", "", ExpectParser.DEFAULT_WITHIN), parse("call established"));
        assertEquals(new Expectation.CallState("ended", "", Duration.ofSeconds(1)), parse("call ended within 1s"));
        assertEquals(new Expectation.Audio("bob@kad.lab", Duration.ofSeconds(4)), parse("audio with bob@kad.lab within 4s"));
    }

    @Test
    void callLinesTakeTheCallEventsTheyMatchOnce() throws Exception {
        EventLog log = new EventLog();
        Expectation ringing = parse("call from alice@chord.lab");
        assertFalse(ringing.check(log, NO_LAB));
        log.add(new ShellEvent.CallChanged(Instant.now(), "alice@chord.lab", "bob@kad.lab", false, "ringing", ""));
        assertFalse(ringing.check(log, NO_LAB), "alice's own outgoing call ringing is not a call from alice");
        log.add(new ShellEvent.CallChanged(Instant.now(), "bob@kad.lab", "alice@chord.lab", true, "ringing", ""));
        assertTrue(ringing.check(log, NO_LAB));
        assertFalse(ringing.check(log, NO_LAB), "taken by the first line");
        Expectation established = parse("call established");
        assertFalse(established.check(log, NO_LAB));
        log.add(new ShellEvent.CallChanged(Instant.now(), "bob@kad.lab", "alice@chord.lab", true, "established", ""));
        assertTrue(established.check(log, NO_LAB));
        assertTrue(established.whatWasSeen(log, NO_LAB).contains("call from alice@chord.lab to bob@kad.lab established"),
                established.whatWasSeen(log, NO_LAB));
    }

    @Test
    void audioHoldsOnlyWhenPacketsWentBothWays() throws Exception {
        Expectation e = parse("audio with bob@kad.lab");
        audio = new long[] {100, 0};
        assertFalse(e.check(new EventLog(), NO_LAB));
        assertEquals("100 RTP packets sent to and 0 received from bob@kad.lab in established calls", e.whatWasSeen(new EventLog(), NO_LAB));
        audio = new long[] {Expectation.Audio.PACKETS, Expectation.Audio.PACKETS};
        assertTrue(e.check(new EventLog(), NO_LAB));
        audio = new long[] {0, 0};
    }

    @Test
    void wrongFormsSayWhatIsExpected() {
        for (String bad : new String[] {"", "message alice", "presence bob busy", "overlays three", "overlays 3 within",
                "overlays 3 within 5 s", "weather sunny", "message from a containing",
                "messages from a", "messages 0 from a", "messages many from a", "messages 2 from", "burst to a",
                "burst bob@kad.lab delivered", "settled now", "call", "call from", "call answered", "audio bob@kad.lab",
                "audio with"}) {
            ShellInputException e = assertThrows(ShellInputException.class, () -> parse(bad), bad);
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void aMessageExpectationTakesTheMessageItMatched() throws Exception {
        EventLog log = new EventLog();
        Expectation e = parse("message from alice@chord.lab containing hi");
        assertFalse(e.check(log, NO_LAB));
        log.add(new ShellEvent.MessageReceived(Instant.now(), "bob@kad.lab", "alice@chord.lab", "oh hi there"));
        assertTrue(e.check(log, NO_LAB));
        assertFalse(e.check(log, NO_LAB), "the same message does not satisfy a second expectation");
        assertTrue(e.whatWasSeen(log, NO_LAB).contains("oh hi there"));
    }

    @Test
    void presenceLooksAtTheLatestState() throws Exception {
        EventLog log = new EventLog();
        Expectation busy = parse("presence bob@kad.lab is busy");
        log.add(new ShellEvent.PresenceSeen(Instant.now(), "alice@chord.lab", "bob@kad.lab", "busy", ""));
        log.add(new ShellEvent.PresenceSeen(Instant.now(), "alice@chord.lab", "bob@kad.lab", "open", ""));
        assertFalse(busy.check(log, NO_LAB));
        assertTrue(parse("presence bob@kad.lab is open").check(log, NO_LAB));
    }

    @Test
    void aCountOfMessagesIsTakenWholeOrNotAtAll() throws Exception {
        EventLog log = new EventLog();
        Expectation three = parse("messages 3 from alice@chord.lab containing burst");
        for (int i = 1; i <= 2; i++) {
            log.add(new ShellEvent.MessageReceived(Instant.now(), "bob@kad.lab", "alice@chord.lab", "burst " + i + "/3"));
        }
        log.add(new ShellEvent.MessageReceived(Instant.now(), "bob@kad.lab", "carol@pastry.lab", "burst 3/3"));
        assertFalse(three.check(log, NO_LAB), "a message from someone else does not count");
        assertEquals("2 such messages, 3 messages in all", three.whatWasSeen(log, NO_LAB));
        log.add(new ShellEvent.MessageReceived(Instant.now(), "bob@kad.lab", "alice@chord.lab", "burst 3/3"));
        assertTrue(three.check(log, NO_LAB));
        assertFalse(parse("message from alice@chord.lab containing burst").check(log, NO_LAB), "all three were taken");
    }

    @Test
    void aBurstIsDeliveredOnlyWhenEveryMessageWas() throws Exception {
        EventLog log = new EventLog();
        Expectation delivered = parse("burst to bob@kad.lab delivered");
        assertFalse(delivered.check(log, NO_LAB));
        assertEquals("no burst to bob@kad.lab has ended", delivered.whatWasSeen(log, NO_LAB));
        List<String> failures = new ArrayList<>(List.of("burst 7/10: 408 Request Timeout"));
        log.add(new ShellEvent.BurstFinished(Instant.now(), "alice@chord.lab", "bob@kad.lab", 10, 9, failures));
        assertFalse(delivered.check(log, NO_LAB));
        assertTrue(delivered.whatWasSeen(log, NO_LAB).contains("9 of 10 delivered; failed: burst 7/10: 408 Request Timeout"));
        log.add(new ShellEvent.BurstFinished(Instant.now(), "alice@chord.lab", "bob@kad.lab", 10, 10, List.of()));
        assertTrue(delivered.check(log, NO_LAB));
    }

    @Test
    void settledAsksTheLabAndIsRefusedOutsideOne() throws Exception {
        Expectation settled = parse("settled");
        assertThrows(ShellInputException.class, () -> settled.check(new EventLog(), NO_LAB));
        assertFalse(settled.check(new EventLog(), world(3, List.of("kad.lab has no bridge to chord.lab"))));
        assertEquals("kad.lab has no bridge to chord.lab",
                settled.whatWasSeen(new EventLog(), world(3, List.of("kad.lab has no bridge to chord.lab"))));
        assertTrue(settled.check(new EventLog(), world(3, List.of())));
    }
}
