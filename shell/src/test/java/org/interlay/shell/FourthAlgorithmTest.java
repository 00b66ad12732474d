package org.interlay.shell;

import static org.interlay.shell.CommandLineRun.interlay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fourth algorithm, {@link RingAlgorithm}, installed only in these tests through
 * {@code META-INF/services}: the shell lists it and accepts it, and a lab overlay of it is
 * advertised, discovered and bridged to an overlay of another algorithm, with no code that names it
 * outside this test.
 */
@Tag("netns")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FourthAlgorithmTest {
    private static final String INSTALLED = "chord, kademlia, pastry, ring";

    @TempDir
    Path dir;

    @Test
    void theHelpListsEveryInstalledAlgorithm() {
        CommandLineRun node = interlay("node", "--help");
        assertEquals(0, node.code(), node.err());
        assertTrue(node.out().replaceAll("\\s+", " ").contains("one of those installed: " + INSTALLED + "."), node.out());
        CommandLineRun lab = interlay("lab", "--help");
        assertTrue(lab.out().contains("Algorithms installed: " + INSTALLED), lab.out());
        assertTrue(interlay("--help").out().contains("Algorithms installed: " + INSTALLED));
    }

    @Test
    void anUnknownAlgorithmIsAnErrorThatNamesTheInstalledOnes() {
        CommandLineRun run = interlay("node", "--overlay", "x", "--algo", "foo");
        assertEquals(2, run.code());
        assertEquals("interlay: unknown algorithm 'foo'; installed: " + INSTALLED, run.err().strip());
        CommandLineRun lab = interlay("lab", "--overlay", "x:foo");
        assertEquals(2, lab.code());
        assertEquals("interlay: unknown algorithm 'foo'; installed: " + INSTALLED, lab.err().strip());
    }

    @Test
    void aNameOfTheWrongSyntaxSaysWhatANameIs() {
        CommandLineRun run = interlay("node", "--overlay", "x", "--algo", "ring!");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("interlay: bad algorithm name 'ring!': 1-32 lower-case letters"), run.err());
    }

    @Test
    void anOverlayOfTheFourthAlgorithmIsAdvertisedDiscoveredAndBridged() throws Exception {
        PrivateNetwork.assumeAvailable();
        PrivateNetwork.Transcript run = PrivateNetwork.labScript(dir, "ring.il", List.of("expect overlays 4 within 10s",
                "overlays",
                "as alice@ring.lab",
                "as bob@kad.lab",
                "send alice@ring.lab \"kademlia to ring\"",
                "expect message from bob@kad.lab containing \"kademlia to ring\" within 5s",
                "as alice@ring.lab",
                "send bob@kad.lab \"ring to kademlia\"",
                "expect message from alice@ring.lab containing \"ring to kademlia\" within 5s",
                "lookup alice@ring.lab"),
                List.of("--chord", "2", "--pastry", "2", "--kademlia", "3",
                "--overlay", "ring:ring:3", "--routers", "1"), 150);
        int code = run.exitCode();
        String transcript = run.text();
        assertEquals(0, code, transcript);
        assertTrue(transcript.contains("ok: overlays 4"), transcript);
        assertTrue(transcript.lines().anyMatch(l -> l.matches("ring\\s+ring\\s+ring\\.lab\\s.*")),
                "the overlays table names the overlay, its algorithm and domain:\n" + transcript);
        assertTrue(transcript.contains("[overlay ring (ring)"), transcript);
    }
}
