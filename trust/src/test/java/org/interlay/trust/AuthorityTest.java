package org.interlay.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorityTest {
    @TempDir
    Path dir;

    @Test
    void theAuthorityCertificateIsASelfSignedCaThatMaySignCertificates() throws Exception {
        X509Certificate ca = TestAuthorities.authority("Chord Lab", 1).certificate();
        assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
        ca.verify(ca.getPublicKey());
        assertEquals(0, ca.getBasicConstraints(), "a CA that issues end entities only");
        assertTrue(ca.getKeyUsage()[5], "keyCertSign");
        assertTrue(ca.getCriticalExtensionOIDs().contains("2.5.29.19"), "basicConstraints critical");
        assertEquals(3, ca.getVersion());
        assertEquals("SHA256withECDSA", ca.getSigAlgName());
        assertEquals(TestAuthorities.NOW.minus(Validity.CLOCK_SKEW), ca.getNotBefore().toInstant());
        assertEquals(TestAuthorities.NOW.plus(Duration.ofDays(3650)), ca.getNotAfter().toInstant());
    }

    @Test
    void theSameSeedMakesTheSameAuthorityAndAnotherSeedAnother() {
        Authority a = TestAuthorities.authority("A", 7);
        Authority b = TestAuthorities.authority("A", 7);
        Authority c = TestAuthorities.authority("A", 8);
        assertEquals(a.certificate().getPublicKey(), b.certificate().getPublicKey());
        assertEquals(a.certificate().getSerialNumber(), b.certificate().getSerialNumber());
        assertNotEquals(a.certificate().getPublicKey(), c.certificate().getPublicKey());
    }

    @Test
    void savedAndLoadedItIsTheSameAuthorityAndItsKeyIsPrivate() throws Exception {
        Authority a = TestAuthorities.authority("Chord Lab", 2);
        a.save(dir);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca-key.pem"))));
        assertTrue(Files.readString(dir.resolve("ca.pem")).startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(Files.readString(dir.resolve("ca-key.pem")).startsWith("-----BEGIN PRIVATE KEY-----"));
        Authority loaded = Authority.load(dir, InstantSource.fixed(TestAuthorities.NOW), TestAuthorities.seeded(3));
        assertEquals(a.certificate(), loaded.certificate());
        assertEquals("Chord Lab", loaded.name());
        Credentials node = loaded.issue(CertifiedIdentity.node(loaded.newNodeId(), java.util.Optional.empty()), Duration.ofDays(1));
        a.trustStore().verify(node.certificate(), Role.NODE, TestAuthorities.NOW);
    }

    @Test
    void anExistingAuthorityIsNotOverwritten() throws Exception {
        TestAuthorities.authority("first", 1).save(dir);
        byte[] before = Files.readAllBytes(dir.resolve("ca-key.pem"));
        TrustException e = assertThrows(TrustException.class, () -> TestAuthorities.authority("second", 2).save(dir));
        assertTrue(e.getMessage().equals(dir + " holds an authority already (ca-key.pem); it is not overwritten"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("ca-key.pem")));
    }

    @Test
    void loadingSaysWhatIsMissingOrWrong() throws Exception {
        assertTrue(assertThrows(TrustException.class, () -> Authority.load(dir.resolve("none"), InstantSource.system(),
                TestAuthorities.seeded(1))).getMessage().contains("is not a directory"));
        assertTrue(assertThrows(TrustException.class, () -> Authority.load(dir, InstantSource.system(), TestAuthorities.seeded(1)))
                .getMessage().contains("holds no authority"));
        TestAuthorities.authority("one", 1).save(dir.resolve("one"));
        TestAuthorities.authority("two", 2).save(dir.resolve("two"));
        Files.copy(dir.resolve("two/ca-key.pem"), dir.resolve("one/ca-key.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        TrustException mismatch = assertThrows(TrustException.class, () -> Authority.load(dir.resolve("one"), InstantSource.system(),
                TestAuthorities.seeded(1)));
        assertTrue(mismatch.getMessage().contains("is not the key of the certificate"), mismatch.getMessage());
    }

    @Test
    void nodeIdsAreRandom160BitValues() {
        Authority a = TestAuthorities.authority("A", 4);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            byte[] id = a.newNodeId();
            assertEquals(20, id.length);
            assertTrue(seen.add(Arrays.toString(id)));
        }
    }

    @Test
    void aCertificateEndsNoLaterThanItsAuthorityAndAnExpiredAuthorityIssuesNone() {
        Authority a = Authority.create("short", Duration.ofDays(10), InstantSource.fixed(TestAuthorities.NOW), TestAuthorities.seeded(5));
        Credentials c = a.issue(CertifiedIdentity.agent("chord.lab"), Duration.ofDays(365));
        assertEquals(a.certificate().getNotAfter(), c.certificate().getNotAfter());
        a.save(dir);
        Authority later = Authority.load(dir, InstantSource.fixed(TestAuthorities.NOW.plus(Duration.ofDays(11))), TestAuthorities.seeded(6));
        TrustException e = assertThrows(TrustException.class, () -> later.issue(CertifiedIdentity.agent("chord.lab"), Duration.ofDays(1)));
        assertTrue(e.getMessage().contains("not valid now"), e.getMessage());
        assertFalse(e instanceof CertificateRefusedException);
    }
}
