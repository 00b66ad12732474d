package org.interlay.trust;

import static org.interlay.trust.TestAuthorities.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
    @TempDir
    Path dir;
    private final Authority authority = TestAuthorities.authority("Chord Lab", 21);

    private Credentials node() {
        return authority.issue(CertifiedIdentity.node(authority.newNodeId(), Optional.of("chord")), Duration.ofDays(30));
    }

    @Test
    void aTrustDirectoryLoadsBackAsTheSameCredentialsAndItsKeyIsPrivate() throws Exception {
        Credentials c = node();
        c.save(dir);
        assertEquals(List.of("ca.pem", "node-key.pem", "node.pem"), Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("node-key.pem"))));
        Credentials loaded = Credentials.load(dir);
        assertEquals(c.certificate(), loaded.certificate());
        assertEquals(c.key(), loaded.key());
        assertEquals(authority.certificate(), loaded.authority());
        assertEquals(c.fingerprint(), loaded.fingerprint());
        assertEquals(c.identity(), loaded.trustStore().verify(loaded.certificate(), Role.NODE, NOW));
        assertEquals(c.identity(), TrustStore.load(dir).verify(loaded.certificate(), Role.NODE, NOW));
    }

    @Test
    void savingRefusesAndWritesNothingWhenAFileIsThere() throws Exception {
        Files.writeString(dir.resolve("node-key.pem"), "old");
        TrustException e = assertThrows(TrustException.class, () -> node().save(dir));
        assertTrue(e.getMessage().endsWith("node-key.pem exists; it is not overwritten"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("ca.pem")));
        assertEquals("old", Files.readString(dir.resolve("node-key.pem")));
    }

    @Test
    void aFileThatIsNotPemOrNotTheRightObjectIsAClearError() throws Exception {
        node().save(dir);
        Files.writeString(dir.resolve("node.pem"), "hello, this is no certificate\n");
        assertEquals(dir.resolve("node.pem") + " is not a PEM file (no -----BEGIN line)",
                assertThrows(TrustException.class, () -> Credentials.load(dir)).getMessage());
        Files.write(dir.resolve("node.pem"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertTrue(assertThrows(TrustException.class, () -> Credentials.load(dir)).getMessage().contains("is not a readable PEM file"));
        Files.writeString(dir.resolve("node.pem"), "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        assertTrue(assertThrows(TrustException.class, () -> Credentials.load(dir)).getMessage().startsWith(dir.resolve("node.pem").toString()));
        Files.copy(dir.resolve("node-key.pem"), dir.resolve("node.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(assertThrows(TrustException.class, () -> Credentials.load(dir)).getMessage().contains("holds no certificate (found"));
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() throws Exception {
        node().save(dir.resolve("a"));
        node().save(dir.resolve("b"));
        Files.copy(dir.resolve("b/node-key.pem"), dir.resolve("a/node-key.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(assertThrows(TrustException.class, () -> Credentials.load(dir.resolve("a"))).getMessage()
                .contains("node-key.pem is not the key of the certificate in"));
    }

    @Test
    void aDirectoryWithoutOrWithSeveralCertificatesMustBeNamedByRole() throws Exception {
        assertTrue(assertThrows(TrustException.class, () -> Credentials.load(dir)).getMessage().contains("holds no certificate"));
        node().save(dir);
        Credentials agent = authority.issue(CertifiedIdentity.agent("chord.lab"), Duration.ofDays(1));
        PemFiles.writeCertificate(TrustDirectory.certificate(dir, Role.AGENT), agent.certificate());
        PemFiles.writePrivateKey(TrustDirectory.key(dir, Role.AGENT), agent.key());
        assertTrue(assertThrows(TrustException.class, () -> Credentials.load(dir)).getMessage().contains("several roles [NODE, AGENT]"));
        assertEquals(agent.certificate(), Credentials.load(dir, Role.AGENT).certificate());
    }

    @Test
    void fingerprintsTellCertificatesApartAndRoundTripAsBytes() {
        Credentials a = node();
        Credentials b = node();
        assertNotEquals(a.fingerprint(), b.fingerprint());
        assertEquals(a.fingerprint(), Fingerprint.fromBytes(a.fingerprint().bytes()));
        assertEquals(64, a.fingerprint().hex().length());
        assertTrue(a.fingerprint().toString().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.fromBytes(new byte[31]));
    }
}
