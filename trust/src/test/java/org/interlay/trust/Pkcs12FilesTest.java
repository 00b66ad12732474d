package org.interlay.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12FilesTest {
    @TempDir
    Path dir;
    private final Authority authority = TestAuthorities.authority("Chord Lab", 51);
    private final Credentials agent = authority.issue(CertifiedIdentity.agent("chord.lab"), Duration.ofDays(1));

    @Test
    void credentialsRoundTripThroughAPrivatePkcs12File() throws Exception {
        Path f = dir.resolve("agent.p12");
        Pkcs12Files.write(f, agent, "pw".toCharArray());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        Credentials read = Pkcs12Files.read(f, "pw".toCharArray());
        assertEquals(agent.certificate(), read.certificate());
        assertEquals(agent.key(), read.key());
        assertEquals(authority.certificate(), read.authority());
        assertThrows(TrustException.class, () -> Pkcs12Files.write(f, agent, "pw".toCharArray()));
    }

    @Test
    void aWrongPasswordOrAnotherFormatIsAClearError() throws Exception {
        Path f = dir.resolve("agent.p12");
        Pkcs12Files.write(f, agent, "pw".toCharArray());
        assertTrue(assertThrows(TrustException.class, () -> Pkcs12Files.read(f, "other".toCharArray())).getMessage()
                .startsWith(f + " is not a PKCS#12 file this password opens"));
        agent.save(dir.resolve("pem"));
        Path pem = dir.resolve("pem/agent.pem");
        assertTrue(assertThrows(TrustException.class, () -> Pkcs12Files.read(pem, "pw".toCharArray())).getMessage()
                .startsWith(pem + " is not a PKCS#12 file"));
        assertTrue(assertThrows(TrustException.class, () -> Pkcs12Files.read(dir.resolve("none.p12"), "pw".toCharArray())).getMessage()
                .endsWith("does not exist"));
    }

    @Test
    void passwordsAreRandomAndTheSameSeedGivesTheSame() {
        String a = Passwords.random(TestAuthorities.seeded(1));
        assertEquals(a, Passwords.random(TestAuthorities.seeded(1)));
        assertTrue(!a.equals(Passwords.random(TestAuthorities.seeded(2))));
        assertTrue(a.matches("[A-Za-z0-9_-]{24}"), a);
    }
}
