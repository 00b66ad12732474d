package org.interlay.router.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.interlay.trust.Aor;
import org.interlay.trust.DigestCredential;
import org.interlay.trust.TrustDirectory;
import org.interlay.trust.TrustException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestUsersTest {
    @TempDir
    Path dir;

    private void enroll(String name, String aor) throws Exception {
        Path user = Files.createDirectories(dir.resolve(name));
        new DigestCredential(Aor.parse(aor), "pw-" + name).secret().save(user.resolve(TrustDirectory.DIGEST_HA1));
    }

    @Test
    void theUsersOfTheDomainAreReadAndOthersSkipped() throws Exception {
        enroll("alice", "sip:alice@chord.lab");
        enroll("bob", "sip:bob@chord.lab");
        enroll("carol", "sip:carol@pastry.lab");
        Files.createDirectories(dir.resolve("not-a-user"));
        DigestUsers users = DigestUsers.load(dir, "chord.lab");
        assertEquals(2, users.size());
        assertEquals("chord.lab", users.realm());
        assertTrue(users.find("alice").isPresent());
        assertTrue(users.find("carol").isEmpty());
    }

    @Test
    void aBadFileADuplicateOrNoUserOfTheDomainIsOneClearError() throws Exception {
        TrustException none = assertThrows(TrustException.class, () -> DigestUsers.load(dir, "chord.lab"));
        assertTrue(none.getMessage().contains("no enrolled user of chord.lab"), none.getMessage());
        assertTrue(assertThrows(TrustException.class, () -> DigestUsers.load(dir.resolve("missing"), "chord.lab"))
                .getMessage().contains("not a directory"));

        enroll("alice", "sip:alice@chord.lab");
        enroll("alice2", "sip:alice@chord.lab");
        assertTrue(assertThrows(TrustException.class, () -> DigestUsers.load(dir, "chord.lab")).getMessage()
                .contains("enrolled twice"));

        Files.delete(dir.resolve("alice2").resolve(TrustDirectory.DIGEST_HA1));
        Files.writeString(dir.resolve("alice2").resolve(TrustDirectory.DIGEST_HA1), "aor=sip:alice2@chord.lab\nMD5=xyz\n");
        TrustException bad = assertThrows(TrustException.class, () -> DigestUsers.load(dir, "chord.lab"));
        assertTrue(bad.getMessage().contains("alice2"), bad.getMessage());
    }
}
