package org.interlay.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpectParserTest {
    private static Expectation parse(String line) {
        return ExpectParser.parse(LineTokenizer.split(line));
    }

    @Test
    void readsEachForm() {
        assertEquals(new Expectation.Message("alice@chord.lab", "hi", Duration.ofSeconds(2)),
                parse("message from alice@chord.lab containing \"hi\" within 2s"));
        assertEquals(new Expectation.Message("alice@chord.lab", "", ExpectParser.DEFAULT_WITHIN),
                parse("message from alice@chord.lab"));
        assertEquals(new Expectation.Presence("bob@kad.lab", "busy", Duration.ofMillis(1500)),
                parse("presence bob@kad.lab is busy within 1.5s"));
        assertEquals(new Expectation.Overlays(3, Duration.ofSeconds(5)), parse("overlays 3 within 5s"));
    }

    @Test
    void wrongFormsSayWhatIsExpected() {
        for (String bad : new String[] {"", "message alice", "presence bob busy", "overlays three", "overlays 3 within",
                "overlays 3 within 5 s", "weather sunny", "message from a containing"}) {
            ShellInputException e = assertThrows(ShellInputException.class, () -> parse(bad), bad);
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void aMessageExpectationTakesTheMessageItMatched() {
        EventLog log = new EventLog();
        Expectation e = parse("message from alice@chord.lab containing hi");
        assertFalse(e.check(log, () -> 0));
        log.add(new ShellEvent.MessageReceived(Instant.now(), "bob@kad.lab", "alice@chord.lab", "oh hi there"));
        assertTrue(e.check(log, () -> 0));
        assertFalse(e.check(log, () -> 0), "the same message does not satisfy a second expectation");
        assertTrue(e.whatWasSeen(log, () -> 0).contains("oh hi there"));
    }

    @Test
    void presenceLooksAtTheLatestState() {
        EventLog log = new EventLog();
        Expectation busy = parse("presence bob@kad.lab is busy");
        log.add(new ShellEvent.PresenceSeen(Instant.now(), "alice@chord.lab", "bob@kad.lab", "busy", ""));
        log.add(new ShellEvent.PresenceSeen(Instant.now(), "alice@chord.lab", "bob@kad.lab", "open", ""));
        assertFalse(busy.check(log, () -> 0));
        assertTrue(parse("presence bob@kad.lab is open").check(log, () -> 0));
    }
}
