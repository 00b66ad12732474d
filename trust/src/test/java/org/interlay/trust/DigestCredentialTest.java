package org.interlay.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestCredentialTest {
    @TempDir
    Path dir;
    private final Aor alice = Aor.parse("sip:alice@chord.lab");

    @Test
    void ha1IsTheDigestOfUserRealmAndPasswordAsCoreutilsComputesIt() {
        // printf 'alice:chord.lab:secret' | md5sum ; ... | sha256sum
        DigestCredential c = new DigestCredential(alice, "secret");
        assertEquals("alice", c.username());
        assertEquals("chord.lab", c.realm());
        assertEquals("b5c559f617dfa0a84ac8586d0ae304cd", c.ha1(DigestAlgorithm.MD5));
        assertEquals("fdcf00449d5edbb6a94cc84212b8ca49499abdeed89ee831c73532e681ee6626", c.ha1(DigestAlgorithm.SHA_256));
    }

    @Test
    void passwordsAreRandomAndLongAndTheSameSeedGivesTheSame() {
        DigestCredential a = DigestCredential.random(alice, TestAuthorities.seeded(1));
        assertEquals(a, DigestCredential.random(alice, TestAuthorities.seeded(1)));
        assertNotEquals(a.password(), DigestCredential.random(alice, TestAuthorities.seeded(2)).password());
        assertTrue(a.password().matches("[A-Za-z0-9_-]{24}"), a.password());
        assertTrue(!a.toString().contains(a.password()));
    }

    @Test
    void theStoredSecretRoundTripsThroughItsPrivateFile() throws Exception {
        DigestSecret s = new DigestCredential(alice, "secret").secret();
        Path f = dir.resolve("digest-ha1");
        s.save(f);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(s, DigestSecret.load(f));
        assertTrue(Files.readString(f).contains("MD5=b5c559f617dfa0a84ac8586d0ae304cd\n"));
        assertThrows(TrustException.class, () -> s.save(f));
    }

    @Test
    void aBrokenSecretFileIsAClearError() throws Exception {
        Path f = dir.resolve("broken");
        Files.writeString(f, "aor=sip:alice@chord.lab\nMD5=zz\nSHA-256=00\n");
        assertTrue(assertThrows(TrustException.class, () -> DigestSecret.load(f)).getMessage().contains("an MD5 HA1 is 32 hex digits"));
        Files.writeString(f, "garbage\n");
        assertTrue(assertThrows(TrustException.class, () -> DigestSecret.load(f)).getMessage().contains("not a name=value line"));
        assertTrue(assertThrows(TrustException.class, () -> DigestSecret.load(dir.resolve("none"))).getMessage().endsWith("does not exist"));
    }
}
