package org.interlay.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code interlay lab} is secure unless told {@code --insecure}: it says which on start; in a secure
 * lab {@code as} authenticates with the password the lab made, and users enrolled beforehand
 * ({@code --users DIR}) with their own password file; an open lab runs the same script as before.
 */
@Tag("slow")
@Tag("netns")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SecureLabCommandTest {
    private static final List<String> SMALL = List.of("--chord", "2", "--pastry", "1", "--kademlia", "2", "--routers", "1");
    private static final List<String> MESSAGES = List.of("expect overlays 3 within 10s",
            "as bob@kad.lab",
            "as alice@chord.lab",
            "send bob@kad.lab \"across the router\"",
            "expect message from alice@chord.lab containing \"across the router\" within 5s",
            "call bob@kad.lab",
            "expect call from alice@chord.lab within 5s",
            "as bob@kad.lab",
            "answer",
            "expect call established within 5s",
            "expect call established within 5s",
            "hangup",
            "expect call ended within 5s",
            "expect call ended within 5s");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsNamespaces() {
        PrivateNetwork.assumeAvailable();
    }

    @Test
    void theLabIsSecureByDefaultAndUsersAuthenticateWithThePasswordItMade() throws Exception {
        PrivateNetwork.Transcript run = PrivateNetwork.labScript(dir, "secure.il", MESSAGES, SMALL, 150);
        String transcript = run.text();
        assertEquals(0, run.exitCode(), transcript);
        assertTrue(transcript.contains("the lab is secure"), transcript);
        assertTrue(transcript.contains("--insecure runs it open"), transcript);
        assertTrue(transcript.contains("delivered to bob@kad.lab (200 OK)"), transcript);
    }

    @Test
    void insecureRunsTheLabOpenAsBefore() throws Exception {
        PrivateNetwork.Transcript run = PrivateNetwork.labScript(dir, "open.il", MESSAGES,
                concat(SMALL, List.of("--insecure")), 150);
        String transcript = run.text();
        assertEquals(0, run.exitCode(), transcript);
        assertTrue(transcript.contains("the lab runs open (--insecure)"), transcript);
        assertFalse(transcript.contains("the lab is secure"), transcript);
    }

    @Test
    void theUsersTheLabEnrolsAreChallengedWithTheAlgorithmsGiven() throws Exception {
        PrivateNetwork.Transcript run = PrivateNetwork.labScript(dir, "md5.il", MESSAGES,
                concat(SMALL, List.of("--digest-algorithms", "MD5")), 150);
        String transcript = run.text();
        assertEquals(0, run.exitCode(), transcript);
        assertTrue(transcript.contains("agents offer MD5 digest challenges"), transcript);
        assertTrue(transcript.contains("delivered to bob@kad.lab (200 OK)"), transcript);
    }

    @Test
    void usersEnrolledBeforehandKeepTheirOwnPasswordsInASecureLab() throws Exception {
        Path ca = dir.resolve("ca");
        Path users = dir.resolve("users");
        assertEquals(0, Interlay.commandLine().execute("enroll", "init", "--dir", ca.toString()));
        assertEquals(0, Interlay.commandLine().execute("enroll", "user", "sip:carol@chord.lab", "--ca", ca.toString(),
                "--out", users.resolve("carol").toString()));
        assertEquals(0, Interlay.commandLine().execute("enroll", "user", "sip:erin@chord.lab", "--ca", ca.toString(),
                "--out", users.resolve("erin").toString()));
        PrivateNetwork.Transcript run = PrivateNetwork.labScript(dir, "users.il", List.of("expect overlays 3 within 10s",
                "as bob@kad.lab",
                "as carol@chord.lab --password-file " + users.resolve("carol/password"),
                "send bob@kad.lab \"from an enrolled user\"",
                "expect message from carol@chord.lab containing \"from an enrolled user\" within 5s",
                "as dave@chord.lab",
                "send bob@kad.lab \"from a user the lab enrolled\"",
                "expect message from dave@chord.lab containing \"from a user the lab enrolled\" within 5s",
                "as erin@chord.lab"),
                concat(SMALL, List.of("--users", users.toString())), 150);
        String transcript = run.text();
        assertEquals(1, run.exitCode(), "only the last line fails:\n" + transcript);
        assertTrue(transcript.contains("chord.lab: agents authenticate 2 users enrolled there"), transcript);
        assertTrue(transcript.contains("sip:erin@chord.lab was enrolled with a password of its own (lab --users): "
                + "give it with 'as sip:erin@chord.lab --password-file F'"), transcript);
        assertTrue(transcript.contains("users.il:9: failed"), transcript);
        assertTrue(!transcript.contains("\tat org."), "no stack trace:\n" + transcript);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
