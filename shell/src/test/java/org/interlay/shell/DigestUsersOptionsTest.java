package org.interlay.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.interlay.router.auth.DigestAuthentication;
import org.interlay.trust.DigestAlgorithm;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --digest-algorithms}: what challenges offer, to the users of --users and to those a secure lab enrols. */
class DigestUsersOptionsTest {
    private static final List<String> DOMAINS = List.of("chord.lab", "kad.lab");

    private static DigestUsersOptions parsed(String... args) {
        LabCommand lab = new LabCommand();
        new CommandLine(lab).parseArgs(args);
        return lab.users;
    }

    @Test
    void withoutTheOptionChallengesOfferSha256ThenMd5() {
        DigestUsersOptions options = parsed();
        assertFalse(options.algorithmsGiven());
        assertEquals("SHA-256, MD5", options.algorithmNames());
        options.forLabEnrolledUsers(DOMAINS).values()
                .forEach(a -> assertEquals(DigestAuthentication.SHA_256_THEN_MD5, a.offered()));
    }

    @Test
    void theUsersALabEnrolsAreOfferedTheAlgorithmsGiven() {
        DigestUsersOptions options = parsed("--digest-algorithms", "MD5");
        assertTrue(options.algorithmsGiven());
        Map<String, DigestAuthentication> byDomain = options.forLabEnrolledUsers(DOMAINS);
        assertEquals(DOMAINS.size(), byDomain.size());
        byDomain.values().forEach(a -> {
            assertEquals(List.of(DigestAlgorithm.MD5), a.offered());
            assertEquals(0, a.users().size(), "no user yet: the lab enrols those it acts as");
        });
    }

    @Test
    void aNameThatIsNoAlgorithmOrOneGivenTwiceIsAClearError() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> parsed("--digest-algorithms", "SHA-1").forLabEnrolledUsers(DOMAINS));
        assertEquals("--digest-algorithms: 'SHA-1' is not SHA-256 or MD5", unknown.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> parsed("--digest-algorithms", "MD5,MD5").forLabEnrolledUsers(DOMAINS));
        assertTrue(twice.getMessage().startsWith("--digest-algorithms names an algorithm twice"), twice.getMessage());
    }

    @Test
    void anOpenLabWithoutUsersRefusesTheOption() {
        CommandLine lab = Interlay.commandLine();
        java.io.StringWriter err = new java.io.StringWriter();
        lab.setErr(new java.io.PrintWriter(err));
        int code = lab.execute("lab", "--insecure", "--digest-algorithms", "MD5");
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("--digest-algorithms: an open lab authenticates no one without --users"), err.toString());
    }
}
