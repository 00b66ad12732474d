package org.interlay.router.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Random;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Response;
import org.interlay.log.DropLog;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.testing.RecordingExchange;
import org.interlay.time.VirtualScheduler;
import org.interlay.time.WallClock;
import org.interlay.trust.Aor;
import org.interlay.trust.DigestAlgorithm;
import org.interlay.trust.DigestCredential;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The gate between a fake exchange and the handlers after it: whom it lets through, and what it leaves them. */
class DigestGateTest {
    private static final DigestCredential ALICE = new DigestCredential(Aor.parse("sip:alice@chord.lab"), "alice-password");
    private final VirtualScheduler time = new VirtualScheduler();
    private final DigestGate gate;

    DigestGateTest() {
        byte[] key = new byte[32];
        new Random(3).nextBytes(key);
        gate = new DigestGate(DigestUsers.of("chord.lab", List.of(ALICE.secret())), DigestAuthentication.SHA_256_THEN_MD5,
                new Nonces(key, "chord.lab", Duration.ofMinutes(5)), new WallClock(time, Instant.parse("2026-12-07T10:00:00Z")),
                new DropLog(LoggerFactory.getLogger(DigestGateTest.class), "bad credentials", time, 10_000));
    }

    private static RecordingExchange message(String from, String target, String... extra) {
        List<String> lines = new ArrayList<>(List.of("MESSAGE " + target + " SIP/2.0", "Via: SIP/2.0/UDP 127.0.0.1:5091;branch=z9hG4bK-m" + extra.length,
                "Max-Forwards: 70", "From: <" + from + ">;tag=a1", "To: <" + target + ">", "Call-ID: m1", "CSeq: " + (1 + extra.length) + " MESSAGE"));
        lines.addAll(List.of(extra));
        lines.addAll(List.of("Content-Length: 0", ""));
        return RecordingExchange.of(lines.toArray(String[]::new));
    }

    @Test
    void anAuthenticatedRequestGoesOnWithItsUserAndWithoutTheCredentialsOfThisRealm() throws Exception {
        RecordingExchange first = message("sip:alice@chord.lab", "sip:bob@kad.lab");
        assertTrue(gate.handle(first));
        Response challenge = first.awaitResponse();
        assertEquals(407, challenge.getStatusCode());
        WWWAuthenticateHeader sha = (WWWAuthenticateHeader) challenge.getHeaders("Proxy-Authenticate").next();
        assertEquals("SHA-256", sha.getAlgorithm());

        String nc = "00000001";
        String response = DigestResponses.response(DigestAlgorithm.SHA_256, ALICE.ha1(DigestAlgorithm.SHA_256), sha.getNonce(), nc,
                "abc", "MESSAGE", "sip:bob@kad.lab");
        RecordingExchange second = message("sip:alice@chord.lab", "sip:bob@kad.lab",
                "Proxy-Authorization: Digest username=\"alice\", realm=\"chord.lab\", nonce=\"" + sha.getNonce()
                        + "\", uri=\"sip:bob@kad.lab\", response=\"" + response + "\", algorithm=SHA-256, qop=auth, nc=" + nc
                        + ", cnonce=\"abc\"",
                "Proxy-Authorization: Digest username=\"alice\", realm=\"kad.lab\", nonce=\"n\", uri=\"sip:bob@kad.lab\", response=\"00\"");
        assertFalse(gate.handle(second), "passed on down the chain");
        assertTrue(second.sentSoFar().isEmpty());
        assertEquals(new AuthenticatedUser(new AddressOfRecord("alice", "chord.lab"), DigestAlgorithm.SHA_256),
                second.authenticatedUser().orElseThrow());
        List<String> left = new ArrayList<>();
        for (ListIterator<?> it = second.request().getHeaders(ProxyAuthorizationHeader.NAME); it.hasNext(); ) {
            left.add(((AuthorizationHeader) it.next()).getRealm());
        }
        assertEquals(List.of("kad.lab"), left, "another realm's credentials stay for the proxy they are for");
    }

    @Test
    void requestsOfOtherDomainsInDialogsOrNotChallengedMethodsPass() {
        for (RecordingExchange e : List.of(message("sip:carol@pastry.lab", "sip:alice@chord.lab"),
                RecordingExchange.of("BYE sip:bob@127.0.0.1:5092 SIP/2.0", "Via: SIP/2.0/UDP 127.0.0.1:5091;branch=z9hG4bK-b",
                        "Max-Forwards: 70", "From: <sip:alice@chord.lab>;tag=a1", "To: <sip:bob@kad.lab>;tag=b1", "Call-ID: c1",
                        "CSeq: 2 BYE", "Content-Length: 0", ""),
                RecordingExchange.of("MESSAGE sip:bob@kad.lab SIP/2.0", "Via: SIP/2.0/UDP 127.0.0.1:5091;branch=z9hG4bK-d",
                        "Max-Forwards: 70", "From: <sip:alice@chord.lab>;tag=a1", "To: <sip:bob@kad.lab>;tag=b1", "Call-ID: c2",
                        "CSeq: 3 MESSAGE", "Content-Length: 0", ""))) {
            assertFalse(gate.handle(e), e.request().getMethod() + " from " + e.request().getHeader("From"));
            assertTrue(e.authenticatedUser().isEmpty());
        }
        assertEquals(0, gate.counts().challenged());
    }

    @Test
    void aPublishOfAUsersPresenceIsChallengedWhoeverClaimsToSendIt() throws Exception {
        RecordingExchange publish = RecordingExchange.of("PUBLISH sip:alice@chord.lab SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:5091;branch=z9hG4bK-p", "Max-Forwards: 70", "From: <sip:carol@pastry.lab>;tag=c1",
                "To: <sip:alice@chord.lab>", "Call-ID: p1", "CSeq: 1 PUBLISH", "Event: presence", "Content-Length: 0", "");
        assertTrue(gate.handle(publish));
        assertEquals(407, publish.awaitResponse().getStatusCode());
    }
}
