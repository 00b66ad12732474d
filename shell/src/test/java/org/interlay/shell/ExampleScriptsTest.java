package org.interlay.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every script in examples/ passes against a real lab, each lab in a network namespace of its own. */
@Tag("netns")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ExampleScriptsTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsNamespaces() {
        PrivateNetwork.assumeAvailable();
    }

    static Stream<Path> examples() throws Exception {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".il")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void examplePasses(Path script) throws Exception {
        Path out = dir.resolve("out.txt");
        int code = PrivateNetwork.run(List.of("lab", "--script", script.toAbsolutePath().toString()), out, 150);
        String transcript = Files.readString(out);
        assertEquals(0, code, script.getFileName() + " failed:\n" + transcript);
        assertTrue(transcript.contains("ok: overlays 3"), transcript);
        assertTrue(transcript.matches("(?s).*\nscript \\S+" + script.getFileName() + ": \\d+ lines?, \\d+ expectations? held, "
                + "\\d+\\.\\d s\n.*"), "the script ends with a summary:\n" + transcript);
    }

    @Test
    void aFailingExpectationExitsNonZeroAndSaysWhatItSaw() throws Exception {
        PrivateNetwork.Transcript run = PrivateNetwork.labScript(dir, "failing.il", List.of("expect overlays 3 within 10s",
                "as alice@chord.lab",
                "as bob@kad.lab",
                "send alice@chord.lab \"something else\"",
                "expect message from bob@kad.lab containing \"never sent\" within 1s",
                "overlays"),
                List.of("--chord", "2", "--pastry", "2", "--kademlia", "2", "--routers", "1"), 150);
        int code = run.exitCode();
        String transcript = run.text();
        assertEquals(1, code, transcript);
        assertTrue(transcript.contains("expected message from bob@kad.lab containing \"never sent\" within 1s; saw 1 message:"),
                transcript);
        assertTrue(transcript.contains("failing.il:5: failed"), transcript);
        assertTrue(transcript.contains("failing.il: failed at line 5 after 5 lines, 1 expectation held, "), transcript);
        assertTrue(transcript.contains(": 3 overlays, 1 router\n"), "one router is one router:\n" + transcript);
        assertTrue(!transcript.contains("> overlays\n"), "the script stops at the failed line:\n" + transcript);
    }

    @Test
    void aScriptWithAWrongLineFailsBeforeTheLabStartsWithOneLineAndNoStackTrace() throws Exception {
        PrivateNetwork.Transcript run = PrivateNetwork.labScript(dir, "typo.il",
                List.of("expect overlays 3 within 10s", "sned bob@kad.lab hi"),
                List.of("--chord", "1", "--pastry", "1", "--kademlia", "1", "--routers", "0"), 120);
        int code = run.exitCode();
        String transcript = run.text();
        assertEquals(1, code, transcript);
        assertTrue(transcript.contains("typo.il:2: error: unknown command 'sned'; did you mean 'send'?"), transcript);
        assertTrue(transcript.contains("typo.il: not run, 1 line to fix"), transcript);
        assertTrue(!transcript.contains("starting the lab"), "no overlay was started:\n" + transcript);
        assertTrue(!transcript.contains("\tat org."), "no stack trace:\n" + transcript);
    }
}
