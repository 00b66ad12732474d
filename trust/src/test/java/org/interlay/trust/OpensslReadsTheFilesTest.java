package org.interlay.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The trust directories are standard files: OpenSSL verifies the chain, reads the names and keys, and prints the same fingerprint. */
@Tag("slow")
@Timeout(60)
class OpensslReadsTheFilesTest {
    @TempDir
    Path dir;

    private record Result(int exit, String out) {
    }

    private static Result openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "openssl " + args[0] + " did not end");
        return new Result(p.exitValue(), out);
    }

    private static boolean opensslInstalled() {
        try {
            return openssl("version").exit() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void opensslVerifiesTheChainAndReadsWhatTheCertificateSays() throws Exception {
        assumeTrue(opensslInstalled(), "openssl is not installed (.ci/run installs it)");
        Authority authority = TestAuthorities.authority("Chord Lab", 41);
        authority.save(dir.resolve("ca"));
        Credentials alice = authority.issue(CertifiedIdentity.user(Aor.parse("sip:alice@chord.lab")), Duration.ofDays(1));
        alice.save(dir.resolve("alice"));
        Credentials foreign = TestAuthorities.authority("Chord Lab", 42)
                .issue(CertifiedIdentity.node(authority.newNodeId(), Optional.empty()), Duration.ofDays(1));
        foreign.save(dir.resolve("foreign"));
        String ca = dir.resolve("ca/ca.pem").toString();
        String user = dir.resolve("alice/user.pem").toString();
        int at = (int) TestAuthorities.NOW.getEpochSecond();

        Result ok = openssl("verify", "-attime", Integer.toString(at), "-CAfile", ca, user);
        assertEquals(0, ok.exit(), ok.out());
        assertEquals(user + ": OK\n", ok.out());
        Result refused = openssl("verify", "-attime", Integer.toString(at), "-CAfile", ca, dir.resolve("foreign/node.pem").toString());
        assertTrue(refused.exit() != 0, refused.out());

        String text = openssl("x509", "-in", user, "-noout", "-text").out();
        assertTrue(text.contains("URI:sip:alice@chord.lab"), text);
        assertTrue(text.contains("OU = user"), text);
        assertTrue(openssl("x509", "-in", ca, "-noout", "-text").out().contains("CA:TRUE"));

        String fingerprint = openssl("x509", "-in", user, "-noout", "-fingerprint", "-sha256").out().strip();
        assertEquals(alice.fingerprint().toString(), fingerprint.substring(fingerprint.indexOf('=') + 1));
        Result keyPub = openssl("pkey", "-in", dir.resolve("alice/user-key.pem").toString(), "-pubout");
        assertEquals(0, keyPub.exit(), keyPub.out());
        assertEquals(openssl("x509", "-in", user, "-noout", "-pubkey").out(), keyPub.out());
        assertTrue(Files.exists(dir.resolve("ca/ca-key.pem")));
        assertEquals(0, openssl("pkey", "-in", dir.resolve("ca/ca-key.pem").toString(), "-noout").exit());

        Path p12 = dir.resolve("alice/user.p12");
        Pkcs12Files.write(p12, alice, "pw".toCharArray());
        Result fromP12 = openssl("pkcs12", "-in", p12.toString(), "-passin", "pass:pw", "-nokeys", "-clcerts");
        assertEquals(0, fromP12.exit(), fromP12.out());
        assertTrue(fromP12.out().contains("subject=O = Chord Lab, OU = user, CN = sip:alice@chord.lab"), fromP12.out());
    }
}
