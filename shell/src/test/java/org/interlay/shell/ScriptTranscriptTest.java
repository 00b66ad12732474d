package org.interlay.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a script prints, read line by line from a real lab in a network namespace of its own. */
@Tag("netns")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ScriptTranscriptTest {
    private static final int ROUNDS = 6;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsNamespaces() {
        PrivateNetwork.assumeAvailable();
    }

    @Test
    void aMessageToAUserOfThisShellIsPrintedBeforeItsDeliveryAndIsInTheInboxAtOnce() throws Exception {
        List<String> lines = new ArrayList<>(List.of("expect overlays 3 within 10s", "as bob@kad.lab", "as carol@pastry.lab"));
        for (int i = 1; i <= ROUNDS; i++) {
            lines.addAll(List.of("as alice@chord.lab", "send bob@kad.lab \"number " + i + "\"", "send carol@pastry.lab \"number " + i + "\"",
                    "as bob@kad.lab", "inbox"));
        }
        PrivateNetwork.Transcript run = PrivateNetwork.labScript(dir, "order.il", lines,
                List.of("--chord", "2", "--pastry", "2", "--kademlia", "2", "--routers", "1"), 150);
        int code = run.exitCode();
        String transcript = run.text();
        assertEquals(0, code, transcript);
        List<String> printed = transcript.lines().toList();
        for (int i = 1; i <= ROUNDS; i++) {
            for (String to : List.of("bob@kad.lab", "carol@pastry.lab")) {
                int at = printed.indexOf("> send " + to + " \"number " + i + "\"");
                assertEquals(List.of("<< message to " + to + " from alice@chord.lab: number " + i, "delivered to " + to + " (200 OK)"),
                        printed.subList(at + 1, at + 3), transcript);
            }
            int inbox = nth(printed, "> inbox", i);
            assertTrue(printed.get(inbox + i).endsWith("alice@chord.lab: number " + i), "inbox " + i + " has message " + i + ":\n"
                    + transcript);
        }
    }

    @Test
    void aNotifyToAUserOfThisShellIsPrintedBeforeTheSubscribeOrPublishThatCausedItReturns() throws Exception {
        PrivateNetwork.Transcript run = PrivateNetwork.labScript(dir, "presence.il", List.of("expect overlays 3 within 10s", "as bob@kad.lab", "presence open",
                "as carol@pastry.lab", "as alice@chord.lab", "subscribe bob@kad.lab", "subscribe carol@pastry.lab",
                "as carol@pastry.lab", "subscribe bob@kad.lab", "as bob@kad.lab", "presence busy \"in a meeting\"", "presence away"),
                List.of("--chord", "2", "--pastry", "2", "--kademlia", "2", "--routers", "1"), 150);
        int code = run.exitCode();
        String transcript = run.text();
        assertEquals(0, code, transcript);
        List<String> printed = transcript.lines().toList();
        assertEquals(List.of("<< presence of bob@kad.lab is open, seen by alice@chord.lab", "alice@chord.lab now watches bob@kad.lab"),
                after(printed, "> subscribe bob@kad.lab", 1, 2), transcript);
        assertEquals(List.of("<< presence of carol@pastry.lab is closed, seen by alice@chord.lab",
                "alice@chord.lab now watches carol@pastry.lab"), after(printed, "> subscribe carol@pastry.lab", 1, 2), transcript);
        assertEquals(List.of("<< presence of bob@kad.lab is open, seen by carol@pastry.lab", "carol@pastry.lab now watches bob@kad.lab"),
                after(printed, "> subscribe bob@kad.lab", 2, 2), transcript);
        for (String[] change : new String[][] {{"> presence busy \"in a meeting\"", "busy (in a meeting)"}, {"> presence away", "away"}}) {
            List<String> lines = after(printed, change[0], 1, 3);
            assertEquals(Set.of("<< presence of bob@kad.lab is " + change[1] + ", seen by alice@chord.lab",
                    "<< presence of bob@kad.lab is " + change[1] + ", seen by carol@pastry.lab"), Set.copyOf(lines.subList(0, 2)), transcript);
            assertEquals("bob@kad.lab is " + change[1], lines.get(2), transcript);
        }
    }

    @Test
    void messagesToAUserWhoUnregisteredAreStoredAndPrintedInOrderWhenTheUserIsBack() throws Exception {
        PrivateNetwork.Transcript run = PrivateNetwork.labScript(dir, "offline.il", List.of("expect overlays 3 within 10s",
                "as alice@chord.lab", "as bob@kad.lab", "unregister", "as alice@chord.lab", "send bob@kad.lab \"one\"", "send bob@kad.lab \"two\"",
                "send bob@kad.lab \"three\"", "as bob@kad.lab", "expect messages 3 from alice@chord.lab within 10s"),
                List.of("--chord", "2", "--pastry", "2", "--kademlia", "2", "--routers", "1"), 150);
        String transcript = run.text();
        assertEquals(0, run.exitCode(), transcript);
        List<String> printed = transcript.lines().toList();
        for (String text : List.of("one", "two", "three")) {
            assertEquals(List.of("stored for bob@kad.lab (offline; delivered when registered again)"),
                    after(printed, "> send bob@kad.lab \"" + text + "\"", 1, 1), transcript);
        }
        assertEquals(List.of("one", "two", "three"), printed.stream().filter(l -> l.startsWith("<< message to bob@kad.lab"))
                .map(l -> l.substring(l.lastIndexOf(": ") + 2)).toList(), transcript);
    }

    /** The {@code count} lines after the {@code n}th line {@code line}. */
    private static List<String> after(List<String> lines, String line, int n, int count) {
        int at = nth(lines, line, n);
        return lines.subList(at + 1, Math.min(lines.size(), at + 1 + count));
    }

    private static int nth(List<String> lines, String line, int n) {
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(line) && ++seen == n) return i;
        }
        throw new AssertionError("fewer than " + n + " lines '" + line + "'");
    }
}
