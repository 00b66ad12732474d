package org.interlay.trust;

import static org.interlay.trust.TestAuthorities.NOW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.interlay.trust.CertificateRefusedException.Reason;
import org.junit.jupiter.api.Test;

class TrustStoreTest {
    private final Authority authority = TestAuthorities.authority("Chord Lab", 11);
    private final TrustStore store = authority.trustStore();

    private Reason refusal(X509Certificate cert, Role role, java.time.Instant at) {
        assertFalse(store.accepts(cert, role, at));
        return assertThrows(CertificateRefusedException.class, () -> store.verify(cert, role, at)).reason();
    }

    @Test
    void aNodeCertificateCarriesTheNodeIdTheAuthorityChoseAndItsOverlay() throws Exception {
        byte[] id = authority.newNodeId();
        Credentials c = authority.issue(CertifiedIdentity.node(id, Optional.of("chord")), Duration.ofDays(30));
        CertifiedIdentity read = store.verify(c.certificate(), Role.NODE, NOW);
        assertEquals(Role.NODE, read.role());
        assertArrayEquals(id, read.nodeId().orElseThrow());
        assertEquals(Optional.of("chord"), read.overlay());
        assertTrue(c.certificate().getSubjectAlternativeNames().contains(List.of(6, "interlay:node:" + read.name())));
        assertTrue(c.certificate().getSubjectX500Principal().getName().contains("OU=node"));
        assertEquals(authority.certificate().getSubjectX500Principal(), c.certificate().getIssuerX500Principal());
        assertEquals(-1, c.certificate().getBasicConstraints());
        assertTrue(c.certificate().getKeyUsage()[0], "digitalSignature");
        assertEquals(Optional.empty(), store.verify(authority.issue(CertifiedIdentity.node(authority.newNodeId(), Optional.empty()),
                Duration.ofDays(1)).certificate(), Role.NODE, NOW).overlay());
    }

    @Test
    void aUserCertificateCarriesTheAddressOfRecordAsAUriAlternativeName() throws Exception {
        Credentials c = authority.issue(CertifiedIdentity.user(Aor.parse("sip:alice@chord.lab")), Duration.ofDays(30));
        CertifiedIdentity read = store.verify(c.certificate(), Role.USER, NOW);
        assertEquals(Optional.of(new Aor("alice", "chord.lab")), read.aor());
        assertEquals(Optional.of("chord.lab"), read.domain());
        assertTrue(c.certificate().getSubjectAlternativeNames().contains(List.of(6, "sip:alice@chord.lab")));
        assertTrue(c.certificate().getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"), "clientAuth");
    }

    @Test
    void anAgentCertificateNamesItsDomainAndARouterCertificateItsId() throws Exception {
        Credentials agent = authority.issue(CertifiedIdentity.agent("Chord.Lab"), Duration.ofDays(30));
        CertifiedIdentity a = store.verify(agent.certificate(), Role.AGENT, NOW);
        assertEquals(Optional.of("chord.lab"), a.domain());
        assertTrue(agent.certificate().getSubjectAlternativeNames().contains(List.of(2, "chord.lab")));
        assertTrue(agent.certificate().getExtendedKeyUsage().containsAll(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2")));
        Credentials router = authority.issue(CertifiedIdentity.router("r1"), Duration.ofDays(30));
        CertifiedIdentity r = store.verify(router.certificate(), Role.ROUTER, NOW);
        assertEquals("r1", r.name());
        assertEquals(Optional.empty(), r.nodeId());
        assertEquals(Optional.empty(), r.domain());
    }

    @Test
    void aCertificateOfAnotherAuthorityIsRefusedEvenUnderTheSameName() {
        Authority other = TestAuthorities.authority("Chord Lab", 12);
        Credentials c = other.issue(CertifiedIdentity.node(other.newNodeId(), Optional.empty()), Duration.ofDays(30));
        assertEquals(Reason.FOREIGN_AUTHORITY, refusal(c.certificate(), Role.NODE, NOW));
        Authority named = TestAuthorities.authority("Pastry Lab", 13);
        assertEquals(Reason.FOREIGN_AUTHORITY, refusal(named.issue(CertifiedIdentity.agent("chord.lab"), Duration.ofDays(1)).certificate(),
                Role.AGENT, NOW));
    }

    @Test
    void aCertificateIsRefusedBeforeAndAfterItsValidityPeriodAndAcceptedAtItsEnds() {
        X509Certificate c = authority.issue(CertifiedIdentity.router("r1"), Duration.ofDays(30)).certificate();
        java.time.Instant start = NOW.minus(Validity.CLOCK_SKEW);
        java.time.Instant end = NOW.plus(Duration.ofDays(30));
        assertTrue(store.accepts(c, Role.ROUTER, start));
        assertTrue(store.accepts(c, Role.ROUTER, end));
        assertEquals(Reason.NOT_YET_VALID, refusal(c, Role.ROUTER, start.minusSeconds(1)));
        assertEquals(Reason.EXPIRED, refusal(c, Role.ROUTER, end.plusSeconds(1)));
        CertificateRefusedException e = assertThrows(CertificateRefusedException.class, () -> store.verify(c, Role.ROUTER, end.plusSeconds(1)));
        assertTrue(e.getMessage().startsWith("expired at 2026-03-31T12:00:00Z"), e.getMessage());
    }

    @Test
    void aCertificateOfAnotherRoleIsRefusedAndSoIsTheAuthoritysOwn() {
        X509Certificate user = authority.issue(CertifiedIdentity.user(Aor.parse("sip:alice@chord.lab")), Duration.ofDays(1)).certificate();
        assertEquals(Reason.WRONG_ROLE, refusal(user, Role.AGENT, NOW));
        assertEquals(Reason.WRONG_ROLE, refusal(user, Role.NODE, NOW));
        CertificateRefusedException e = assertThrows(CertificateRefusedException.class, () -> store.verify(user, Role.AGENT, NOW));
        assertEquals("a certificate of role user where role agent is needed", e.getMessage());
        assertEquals(Reason.WRONG_ROLE, refusal(authority.certificate(), Role.NODE, NOW));
    }

    @Test
    void aTamperedOrGarbledCertificateIsRefusedNotACrash() throws Exception {
        byte[] der = authority.issue(CertifiedIdentity.agent("chord.lab"), Duration.ofDays(1)).certificate().getEncoded();
        byte[] evil = der.clone();
        int at = indexOf(evil, "chord.lab".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        evil[at] = 'x'; // the agent's domain changed to xhord.lab
        assertEquals(Reason.FOREIGN_AUTHORITY, assertThrows(CertificateRefusedException.class,
                () -> store.verify(evil, Role.AGENT, NOW)).reason());
        byte[] cut = java.util.Arrays.copyOf(der, der.length / 2);
        assertEquals(Reason.MALFORMED, assertThrows(CertificateRefusedException.class, () -> store.verify(cut, Role.AGENT, NOW)).reason());
        assertEquals(Reason.MALFORMED, assertThrows(CertificateRefusedException.class,
                () -> store.verify(new byte[] {1, 2, 3}, Role.AGENT, NOW)).reason());
        assertEquals(Reason.MALFORMED, assertThrows(CertificateRefusedException.class,
                () -> store.verify(new byte[0], Role.AGENT, NOW)).reason());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
