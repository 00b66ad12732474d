package org.interlay.shell;

import static org.interlay.shell.CommandLineRun.interlay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.interlay.trust.Authority;
import org.interlay.trust.CertifiedIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code node --trust}, {@code sim --secure}, {@code bench lookup --secure}: said in the help, refused clearly when wrong. */
class SecureOptionsTest {
    @Test
    void theHelpTextsNameTheSecureOptions() {
        assertTrue(interlay("node", "--help").out().contains("--trust=DIR"));
        assertTrue(interlay("sim", "--help").out().contains("--secure"));
        assertTrue(interlay("bench", "lookup", "--help").out().contains("--compare"));
    }

    @Test
    void aTrustDirectoryThatIsNotOneIsOneClearLine(@TempDir Path dir) {
        CommandLineRun missing = interlay("node", "--overlay", "chord", "--algo", "chord", "--trust", dir.resolve("none").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("interlay: --trust " + dir.resolve("none")), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
    }

    @Test
    void aNodeEnrolledInAnotherOverlayIsRefusedBeforeItStarts(@TempDir Path dir) {
        Authority authority = Authority.create("lab", Duration.ofDays(10), InstantSource.system(), new SecureRandom());
        authority.issue(CertifiedIdentity.node(authority.newNodeId(), Optional.of("pastry")), Duration.ofDays(1)).save(dir);
        CommandLineRun run = interlay("node", "--overlay", "chord", "--algo", "chord", "--trust", dir.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("enrols this node in overlay pastry, not chord"), run.err());
    }

    @Test
    void secureAndCompareTogetherAreRefused() {
        CommandLineRun sim = interlay("sim", "--nodes", "2", "--secure", "--compare");
        assertTrue(sim.err().contains("--compare runs both open and secure"), sim.err());
        CommandLineRun bench = interlay("bench", "lookup", "--nodes", "2", "--secure", "--compare");
        assertTrue(bench.err().contains("--compare runs both open and secure"), bench.err());
    }
}
