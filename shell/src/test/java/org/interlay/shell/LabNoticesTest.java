package org.interlay.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a lab, {@code watch} prints what the lab does (peers and routers started and killed, a standby
 * taking pairs over) and what discovery sees; {@code router add} starts a router after a kill;
 * {@code users} lists the shell's users with the peer each registers with; and a MESSAGE of the
 * size limit is delivered while one byte more is refused before sending.
 */
@Tag("netns")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class LabNoticesTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsNamespaces() {
        PrivateNetwork.assumeAvailable();
    }

    @Test
    void watchShowsTheLabsOwnActionsAndRouterAddBringsARouterBack() throws Exception {
        String limit = "x".repeat(8192);
        PrivateNetwork.Transcript run = PrivateNetwork.labScript(dir, "notices.il", List.of("expect overlays 3 within 10s",
                "watch",
                "node add chord",
                "node kill p1",
                "router kill active",
                "expect settled within 60s",
                "router add",
                "expect settled within 60s",
                "routers",
                "as bob@kad.lab",
                "as carol@chord.lab",
                "unregister",
                "as alice@chord.lab",
                "users",
                "send bob@kad.lab " + limit,
                "as carol@chord.lab",
                "register",
                "as alice@chord.lab",
                "send carol@chord.lab " + limit,
                "send bob@kad.lab " + limit + "y"),
                List.of("--chord", "3", "--pastry", "2", "--kademlia", "2", "--routers", "2"), 200);
        int code = run.exitCode();
        String transcript = run.text();
        assertEquals(1, code, "only the last line fails:\n" + transcript);
        assertTrue(transcript.contains("lab up in") && transcript.contains("3 overlays, 2 routers"), transcript);
        assertTrue(transcript.contains("[watch] chord.lab: peer p8 started (4 peers now)"), transcript);
        assertTrue(Pattern.compile("\\[watch] \\S+\\.lab: peer p1 killed \\(\\d peers? left\\)").matcher(transcript).find(), transcript);
        assertTrue(Pattern.compile("\\[watch] router r\\d killed \\(1 router left\\)").matcher(transcript).find(), transcript);
        assertTrue(Pattern.compile("\\[watch] router r\\d takes over ").matcher(transcript).find(), transcript);
        assertTrue(transcript.contains("started router r3"), transcript);
        assertTrue(transcript.contains("[watch] router r3 up (2 routers now)"), transcript);
        assertTrue(Pattern.compile("carol@chord\\.lab\\s+no\\s+peer p\\d+ at 127\\.0\\.0\\.1:\\d+").matcher(transcript).find(), transcript);
        assertTrue(Pattern.compile("alice@chord\\.lab \\*\\s+yes\\s+peer p\\d+ at ").matcher(transcript).find(), transcript);
        assertTrue(transcript.contains("delivered to bob@kad.lab (200 OK)"), transcript);
        assertTrue(transcript.contains("delivered to carol@chord.lab (200 OK)"), transcript);
        assertTrue(transcript.contains("error: a message is at most 8192 bytes (UTF-8; 8192 characters of plain ASCII), this one is 8193"),
                transcript);
        assertTrue(transcript.contains("notices.il:20: failed"), transcript);
        assertTrue(!transcript.contains("\tat org."), "no stack trace:\n" + transcript);
    }
}
