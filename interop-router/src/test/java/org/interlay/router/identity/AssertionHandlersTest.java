package org.interlay.router.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.interlay.log.DropLog;
import org.interlay.router.sip.AssertedIdentity;
import org.interlay.router.sip.AuthenticationMark;
import org.interlay.router.testing.RecordingExchange;
import org.interlay.trust.Aor;
import org.interlay.trust.CertifiedIdentity;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Which assertions are believed and which claims refused, request by request, with the TLS peer given by hand. */
class AssertionHandlersTest {
    private final DropLog log = new DropLog(LoggerFactory.getLogger(AssertionHandlersTest.class), "identities", () -> 0L, 10_000);
    private static final TlsPeerOf FROM_PASTRY_AGENT = request -> Optional.of(CertifiedIdentity.agent("pastry.lab"));
    private static final TlsPeerOf FROM_ROUTER = request -> Optional.of(CertifiedIdentity.router("r1"));

    private static RecordingExchange message(String from, String toTag, String... extra) {
        List<String> lines = new ArrayList<>(List.of("MESSAGE sip:bob@kad.lab SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:5090;branch=z9hG4bK-1", "Max-Forwards: 70", "From: <" + from + ">;tag=a1",
                "To: <sip:bob@kad.lab>" + (toTag == null ? "" : ";tag=" + toTag), "Call-ID: c1", "CSeq: 1 MESSAGE"));
        lines.addAll(List.of(extra));
        lines.add("Content-Length: 0");
        lines.add("");
        return RecordingExchange.of(lines.toArray(String[]::new));
    }

    private AssertionRequired atRouter(TlsPeerOf peers) {
        return new AssertionRequired(AssertionRequired::anyDomainName, Optional.empty(), peers, log);
    }

    @Test
    void anAssertionFromOutsideTheTrustDomainIsRemovedAndTheRequestGoesOn() {
        RecordingExchange forged = message("sip:alice@pastry.lab", null, "P-Asserted-Identity: <sip:alice@pastry.lab>");
        assertFalse(new UntrustedAssertions(TlsPeerOf.NONE, log).handle(forged));
        assertFalse(AssertedIdentity.present(forged.request()));
        assertEquals(1, log.count("untrusted assertion removed"));
        assertTrue(atRouter(TlsPeerOf.NONE).handle(forged));
        assertEquals(403, forged.sentSoFar().get(0).getStatusCode());
    }

    @Test
    void anAgentsAssertionOfItsOwnUserIsKeptAndBelieved() {
        RecordingExchange asserted = message("sip:alice@pastry.lab", null, "P-Asserted-Identity: <sip:alice@pastry.lab>");
        assertFalse(new UntrustedAssertions(FROM_PASTRY_AGENT, log).handle(asserted));
        assertEquals(List.of(Aor.parse("sip:alice@pastry.lab")), AssertedIdentity.of(asserted.request()));
        assertFalse(atRouter(FROM_PASTRY_AGENT).handle(asserted));
        assertEquals(0, log.count());
    }

    @Test
    void anAssertionOfAnotherUserThanTheFromIsRefused() {
        RecordingExchange mismatch = message("sip:alice@pastry.lab", null, "P-Asserted-Identity: <sip:carol@pastry.lab>");
        assertFalse(new UntrustedAssertions(FROM_ROUTER, log).handle(mismatch));
        assertTrue(atRouter(FROM_ROUTER).handle(mismatch));
        assertEquals(403, mismatch.sentSoFar().get(0).getStatusCode());
    }

    @Test
    void aUserAuthenticatedHereIsBelievedForItselfOnly() {
        RecordingExchange own = message("sip:alice@pastry.lab", null);
        AuthenticationMark.mark(own.request(), Aor.parse("sip:alice@pastry.lab"));
        assertFalse(atRouter(TlsPeerOf.NONE).handle(own));
        RecordingExchange other = message("sip:alice@pastry.lab", null);
        AuthenticationMark.mark(other.request(), Aor.parse("sip:mallory@pastry.lab"));
        assertTrue(atRouter(TlsPeerOf.NONE).handle(other));
        assertEquals(403, other.sentSoFar().get(0).getStatusCode());
    }

    @Test
    void anAgentLeavesItsOwnPhonesToItsDigestChallengeButNotTheSameClaimOverTls() {
        AssertionRequired pastryAgent = new AssertionRequired(AssertionRequired::anyDomainName, Optional.of("pastry.lab"),
                TlsPeerOf.NONE, log);
        assertFalse(pastryAgent.handle(message("sip:alice@pastry.lab", null)));
        assertTrue(pastryAgent.handle(message("sip:bob@kad.lab", null)), "another domain's user from a phone");
        AssertionRequired overTls = new AssertionRequired(AssertionRequired::anyDomainName, Optional.of("pastry.lab"),
                FROM_ROUTER, log);
        assertTrue(overTls.handle(message("sip:alice@pastry.lab", null)), "a router that asserts nobody proves nobody");
    }

    @Test
    void requestsInsideDialogsAndFromAddressLiteralsAreNotChecked() {
        assertFalse(atRouter(TlsPeerOf.NONE).handle(message("sip:alice@pastry.lab", "b7")));
        assertFalse(atRouter(TlsPeerOf.NONE).handle(message("sip:alice@127.0.0.1", null)));
        assertEquals(0, log.count());
    }

    @Test
    void anAgentAssertingAUserOfAnotherDomainIsRefused() {
        RecordingExchange foreign = message("sip:bob@kad.lab", null, "P-Asserted-Identity: <sip:bob@kad.lab>");
        assertTrue(new UntrustedAssertions(FROM_PASTRY_AGENT, log).handle(foreign));
        assertEquals(403, foreign.sentSoFar().get(0).getStatusCode());
        assertEquals(1, log.count("assertion outside the agent's domain"));
    }
}
