package org.interlay.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a script prints, read line by line from a real lab in a network namespace of its own. */
@Tag("netns")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
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
        Path script = dir.resolve("order.il");
        Files.writeString(script, String.join("\n", lines) + "\n");
        Path out = dir.resolve("out.txt");
        int code = PrivateNetwork.run(List.of("lab", "--chord", "2", "--pastry", "2", "--kademlia", "2", "--routers", "1",
                "--script", script.toString()), out, 150);
        String transcript = Files.readString(out);
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

    private static int nth(List<String> lines, String line, int n) {
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(line) && ++seen == n) return i;
        }
        throw new AssertionError("fewer than " + n + " lines '" + line + "'");
    }
}
