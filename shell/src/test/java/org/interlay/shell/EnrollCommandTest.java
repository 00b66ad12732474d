package org.interlay.shell;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.interlay.trust.Aor;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Credentials;
import org.interlay.trust.DigestCredential;
import org.interlay.trust.DigestSecret;
import org.interlay.trust.Pkcs12Files;
import org.interlay.trust.Role;
import org.interlay.trust.TrustStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code interlay enroll} end to end in a temporary directory, through the same command line as the executable. */
class EnrollCommandTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        CommandLine cl = Interlay.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path authority() {
        Path ca = tmp.resolve("ca");
        Run r = run("enroll", "init", "--dir", ca.toString(), "--name", "Chord Lab");
        assertEquals(0, r.exit(), r.err());
        return ca;
    }

    private CertifiedIdentity issued(Path ca, Path out, Role role) {
        Credentials c = Credentials.load(out, role);
        assertEquals(TrustStore.load(ca).authority(), c.authority());
        return TrustStore.load(ca).verify(c.certificate(), role, Instant.now());
    }

    @Test
    void initMakesAnAuthorityWithAPrivateKeyAndRefusesToOverwriteIt() throws Exception {
        Path ca = authority();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.resolve("ca-key.pem"))));
        byte[] key = Files.readAllBytes(ca.resolve("ca-key.pem"));
        Run again = run("enroll", "init", "--dir", ca.toString());
        assertEquals(2, again.exit());
        assertEquals("interlay: " + ca + " holds an authority already (ca-key.pem); it is not overwritten\n", again.err());
        assertEquals(java.util.Arrays.toString(key), java.util.Arrays.toString(Files.readAllBytes(ca.resolve("ca-key.pem"))));
    }

    @Test
    void nodesGetDifferentNodeIdsChosenByTheAuthority() {
        Path ca = authority();
        Run r1 = run("enroll", "node", "--ca", ca.toString(), "--out", tmp.resolve("n1").toString(), "--overlay", "chord");
        Run r2 = run("enroll", "node", "--ca", ca.toString(), "--out", tmp.resolve("n2").toString());
        assertEquals(0, r1.exit(), r1.err());
        assertEquals(0, r2.exit(), r2.err());
        CertifiedIdentity n1 = issued(ca, tmp.resolve("n1"), Role.NODE);
        CertifiedIdentity n2 = issued(ca, tmp.resolve("n2"), Role.NODE);
        assertEquals(Optional.of("chord"), n1.overlay());
        assertEquals(Optional.empty(), n2.overlay());
        assertFalse(n1.name().equals(n2.name()));
        assertTrue(r1.out().startsWith("node " + n1.name() + " in overlay chord\n"), r1.out());
    }

    @Test
    void aNodeAndItsAgentShareOneDirectoryOfOneAuthorityButNotOfAnother() {
        Path ca = authority();
        Path dir = tmp.resolve("n1");
        assertEquals(0, run("enroll", "node", "--ca", ca.toString(), "--out", dir.toString()).exit());
        Run agent = run("enroll", "agent", "chord.lab", "--ca", ca.toString(), "--out", dir.toString());
        assertEquals(0, agent.exit(), agent.err());
        assertFalse(agent.out().contains("ca.pem"), "the authority's certificate there is kept: " + agent.out());
        assertEquals(Role.NODE, issued(ca, dir, Role.NODE).role());
        assertEquals(Optional.of("chord.lab"), issued(ca, dir, Role.AGENT).domain());
        Path other = tmp.resolve("other");
        assertEquals(0, run("enroll", "init", "--dir", other.toString()).exit());
        Run foreign = run("enroll", "router", "--ca", other.toString(), "--out", dir.toString());
        assertEquals(2, foreign.exit(), foreign.out());
        assertTrue(foreign.err().contains("ca.pem"), foreign.err());
        assertFalse(Files.exists(dir.resolve("router.pem")));
    }

    @Test
    void aUserGetsACertificateForTheAddressOfRecordAndAPasswordWhoseHa1TheAgentStores() throws Exception {
        Path ca = authority();
        Path alice = tmp.resolve("alice");
        Run r = run("enroll", "user", "sip:alice@chord.lab", "--ca", ca.toString(), "--out", alice.toString(), "--days", "30");
        assertEquals(0, r.exit(), r.err());
        assertEquals(Optional.of(Aor.parse("sip:alice@chord.lab")), issued(ca, alice, Role.USER).aor());
        String password = Files.readString(alice.resolve("password")).strip();
        assertEquals(new DigestCredential(Aor.parse("sip:alice@chord.lab"), password).secret(), DigestSecret.load(alice.resolve("digest-ha1")));
        for (String secret : new String[] {"password", "digest-ha1", "user-key.pem"}) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(alice.resolve(secret))), secret);
        }
        assertTrue(r.out().contains("digest user alice, realm chord.lab"), r.out());
        assertFalse(r.out().contains(password), "the password is in its file only");
    }

    @Test
    void agentsAndRoutersGetTheirRoles() {
        Path ca = authority();
        assertEquals(0, run("enroll", "agent", "chord.lab", "--ca", ca.toString(), "--out", tmp.resolve("agent").toString()).exit());
        assertEquals(Optional.of("chord.lab"), issued(ca, tmp.resolve("agent"), Role.AGENT).domain());
        assertEquals(0, run("enroll", "router", "--ca", ca.toString(), "--out", tmp.resolve("r1").toString(), "--id", "r1").exit());
        assertEquals("r1", issued(ca, tmp.resolve("r1"), Role.ROUTER).name());
        assertEquals(0, run("enroll", "router", "--ca", ca.toString(), "--out", tmp.resolve("r2").toString(), "--p12").exit());
        String p12Password = assertDoesNotThrow(() -> Files.readString(tmp.resolve("r2/router-p12-password")).strip());
        assertEquals(Credentials.load(tmp.resolve("r2")).certificate(),
                Pkcs12Files.read(tmp.resolve("r2/router.p12"), p12Password.toCharArray()).certificate());
        assertTrue(issued(ca, tmp.resolve("r2"), Role.ROUTER).name().matches("router-[0-9a-f]{8}"));
    }

    @Test
    void wrongInputIsOneLineAndExitCode2AndWritesNothing() throws Exception {
        Path ca = authority();
        Path out = tmp.resolve("out");
        Run noCa = run("enroll", "node", "--out", out.toString());
        assertEquals(2, noCa.exit());
        assertTrue(noCa.err().startsWith("interlay: Missing required option: '--ca=DIR'\nTry 'interlay enroll node --help'."), noCa.err());
        Run badAor = run("enroll", "user", "alice", "--ca", ca.toString(), "--out", out.toString());
        assertEquals(2, badAor.exit());
        assertEquals("interlay: not an address of record: 'alice' (expected sip:user@domain, e.g. sip:alice@chord.lab)\n", badAor.err());
        Run badDomain = run("enroll", "agent", "chord_lab", "--ca", ca.toString(), "--out", out.toString());
        assertEquals(2, badDomain.exit());
        assertTrue(badDomain.err().startsWith("interlay: not a domain name: 'chord_lab'"), badDomain.err());
        Run notAnAuthority = run("enroll", "node", "--ca", tmp.resolve("nothing").toString(), "--out", out.toString());
        assertEquals(2, notAnAuthority.exit());
        assertEquals("interlay: " + tmp.resolve("nothing") + " is not a directory\n", notAnAuthority.err());
        Run zeroDays = run("enroll", "router", "--ca", ca.toString(), "--out", out.toString(), "--days", "0");
        assertEquals(2, zeroDays.exit());
        assertFalse(Files.exists(out));
        Files.createDirectories(out);
        Files.writeString(out.resolve("digest-ha1"), "kept");
        Run occupied = run("enroll", "user", "sip:bob@chord.lab", "--ca", ca.toString(), "--out", out.toString());
        assertEquals(2, occupied.exit());
        assertEquals("interlay: " + out.resolve("digest-ha1") + " exists; it is not overwritten\n", occupied.err());
        assertFalse(Files.exists(out.resolve("user.pem")));
        Files.writeString(ca.resolve("ca.pem"), "not a certificate\n");
        Run broken = run("enroll", "node", "--ca", ca.toString(), "--out", out.toString());
        assertEquals(2, broken.exit());
        assertEquals("interlay: " + ca.resolve("ca.pem") + " is not a PEM file (no -----BEGIN line)\n", broken.err());
    }

    @Test
    void helpNamesEverySubcommand() {
        Run r = run("enroll", "--help");
        assertEquals(0, r.exit());
        for (String sub : new String[] {"init", "node", "user", "agent", "router"}) {
            assertTrue(r.out().contains("\n  " + sub + " "), sub + " in " + r.out());
        }
    }
}
