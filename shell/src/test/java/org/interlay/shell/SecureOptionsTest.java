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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

    @Test
    void aNegativeWarmupIsRefused() {
        CommandLineRun bench = interlay("bench", "lookup", "--nodes", "2", "--warmup", "-1");
        assertTrue(bench.err().contains("--warmup must not be negative"), bench.err());
    }

    /** A few enrolled nodes on 127.0.0.1: untimed lookups first, then the timed ones, all correct. */
    @Test
    @Tag("slow")
    @Timeout(120)
    void aSecureBenchWarmsUpBeforeItTimes() {
        CommandLineRun bench = interlay("bench", "lookup", "--nodes", "4", "--lookups", "20", "--warmup", "30", "--secure",
                "--stabilize", "200ms");
        assertEquals(0, bench.code(), bench.err());
        assertTrue(bench.out().contains("then 30 lookups untimed"), bench.out());
        assertTrue(bench.out().contains("20 lookups, 20 correct"), bench.out());
    }
}
