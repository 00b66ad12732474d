package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.interlay.router.auth.DigestAuthentication;
import org.interlay.router.auth.DigestResponses;
import org.interlay.router.auth.DigestUsers;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.SharedVirtualTime;
import org.interlay.router.testing.SipText;
import org.interlay.trust.Aor;
import org.interlay.trust.DigestAlgorithm;
import org.interlay.trust.DigestCredential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An agent given its users' digest secrets, attacked and used over real SIP on loopback: requests
 * written by hand, answers computed here from the passwords.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthenticatingAgentTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration NONCE_LIFETIME = Duration.ofSeconds(30);
    private static final DigestCredential ALICE = new DigestCredential(Aor.parse("sip:alice@chord.lab"), "alice-password");
    private static final DigestCredential BOB = new DigestCredential(Aor.parse("sip:bob@chord.lab"), "bob-password");

    private final SharedVirtualTime time = new SharedVirtualTime();
    private final InMemoryOverlay overlay = new InMemoryOverlay("chord.lab");
    private PeerAgent agent;
    private InetSocketAddress agentAddress;
    private RawSipPeer alicePhone;
    private RawSipPeer bobPhone;
    private int cseq = 1;

    @BeforeEach
    void start() throws Exception {
        DigestUsers users = DigestUsers.of("chord.lab", List.of(ALICE.secret(), BOB.secret()));
        agent = PeerAgent.start(overlay, SipAgentConfig.defaults("chord.lab", 0)
                .withAuthentication(new DigestAuthentication(users, NONCE_LIFETIME)), time);
        agentAddress = agent.sipAddress();
        alicePhone = RawSipPeer.open();
        bobPhone = RawSipPeer.open();
    }

    @AfterEach
    void stop() {
        agent.close();
        alicePhone.close();
        bobPhone.close();
        overlay.halt();
    }

    @Test
    void registerWithoutCredentialsIsChallengedWithSha256ThenMd5AndBindsNothing() throws Exception {
        SipText challenge = register(alicePhone, "alice", "");
        assertEquals(401, challenge.status());
        List<String> offers = challenge.headers("WWW-Authenticate");
        assertEquals(2, offers.size(), challenge.toString());
        Map<String, String> first = params(offers.get(0));
        Map<String, String> second = params(offers.get(1));
        assertEquals("SHA-256", first.get("algorithm"));
        assertEquals("MD5", second.get("algorithm"));
        for (Map<String, String> offer : List.of(first, second)) {
            assertEquals("chord.lab", offer.get("realm"));
            assertEquals("auth", offer.get("qop"));
            assertFalse(offer.containsKey("stale"));
        }
        assertTrue(overlay.held("sip:alice@chord.lab").isEmpty());
        assertEquals(1, agent.authentication().orElseThrow().challenged());
    }

    @Test
    void aWrongPasswordIsChallengedAgainAndBindsNothing() throws Exception {
        Map<String, String> offer = params(register(alicePhone, "alice", "").headers("WWW-Authenticate").get(0));
        DigestCredential wrong = new DigestCredential(ALICE.aor(), "guessed");
        SipText again = register(alicePhone, "alice", authorization("Authorization", wrong, offer, DigestAlgorithm.SHA_256,
                "REGISTER", "sip:chord.lab", 1));
        assertEquals(401, again.status());
        assertFalse(params(again.headers("WWW-Authenticate").get(0)).containsKey("stale"));
        assertTrue(overlay.held("sip:alice@chord.lab").isEmpty());
        assertEquals(1, agent.authentication().orElseThrow().refused());
    }

    @Test
    void theRightPasswordRegistersWithSha256AndWithMd5Alone() throws Exception {
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            Map<String, String> offer = offerOf(register(alicePhone, "alice", ""), algorithm);
            SipText ok = register(alicePhone, "alice", authorization("Authorization", ALICE, offer, algorithm, "REGISTER",
                    "sip:chord.lab", 1));
            assertEquals(200, ok.status(), algorithm + ": " + ok);
        }
        assertTrue(overlay.held("sip:alice@chord.lab").isPresent());
        assertEquals(2, agent.authentication().orElseThrow().authenticated());
    }

    @Test
    void anExpiredNonceIsStaleAndTheNewOneWorks() throws Exception {
        Map<String, String> offer = params(register(alicePhone, "alice", "").headers("WWW-Authenticate").get(0));
        time.runFor(NONCE_LIFETIME.toMillis() + 1_000);
        SipText stale = register(alicePhone, "alice", authorization("Authorization", ALICE, offer, DigestAlgorithm.SHA_256,
                "REGISTER", "sip:chord.lab", 1));
        assertEquals(401, stale.status());
        Map<String, String> fresh = params(stale.headers("WWW-Authenticate").get(0));
        assertEquals("true", fresh.get("stale").toLowerCase(java.util.Locale.ROOT));
        assertTrue(overlay.held("sip:alice@chord.lab").isEmpty());
        SipText ok = register(alicePhone, "alice", authorization("Authorization", ALICE, fresh, DigestAlgorithm.SHA_256,
                "REGISTER", "sip:chord.lab", 1));
        assertEquals(200, ok.status());
    }

    @Test
    void aNonceNotMadeHereWithTheRightPasswordIsStaleAndWithAWrongOneIsNot() throws Exception {
        Map<String, String> foreign = new HashMap<>(Map.of("realm", "chord.lab", "nonce", "bm90LW91cnMtYXQtYWxsLWZyb20tYW5vdGhlcg"));
        SipText moved = register(alicePhone, "alice", authorization("Authorization", ALICE, foreign, DigestAlgorithm.MD5,
                "REGISTER", "sip:chord.lab", 1));
        assertEquals(401, moved.status());
        assertEquals("true", params(moved.headers("WWW-Authenticate").get(0)).get("stale").toLowerCase(java.util.Locale.ROOT));
        SipText guessed = register(alicePhone, "alice", authorization("Authorization", new DigestCredential(ALICE.aor(), "x"),
                foreign, DigestAlgorithm.MD5, "REGISTER", "sip:chord.lab", 1));
        assertFalse(params(guessed.headers("WWW-Authenticate").get(0)).containsKey("stale"));
        assertTrue(overlay.held("sip:alice@chord.lab").isEmpty());
    }

    @Test
    void aReplayedNonceCountIsRefusedAndTheNextCountIsTaken() throws Exception {
        Map<String, String> offer = params(register(alicePhone, "alice", "").headers("WWW-Authenticate").get(0));
        String credentials = authorization("Authorization", ALICE, offer, DigestAlgorithm.SHA_256, "REGISTER", "sip:chord.lab", 1);
        assertEquals(200, register(alicePhone, "alice", credentials).status());
        SipText replay = register(alicePhone, "alice", credentials);
        assertEquals(401, replay.status());
        assertEquals(200, register(alicePhone, "alice", authorization("Authorization", ALICE, offer, DigestAlgorithm.SHA_256,
                "REGISTER", "sip:chord.lab", 2)).status());
    }

    @Test
    void credentialsWithoutQopOrForAnotherUriAreABadRequestAndBindNothing() throws Exception {
        Map<String, String> offer = params(register(alicePhone, "alice", "").headers("WWW-Authenticate").get(0));
        String right = authorization("Authorization", ALICE, offer, DigestAlgorithm.SHA_256, "REGISTER", "sip:chord.lab", 1);
        SipText noQop = register(alicePhone, "alice", right.replace(", qop=auth", ""));
        assertEquals(400, noQop.status());
        SipText otherUri = register(alicePhone, "alice", authorization("Authorization", ALICE, offer, DigestAlgorithm.SHA_256,
                "REGISTER", "sip:pastry.lab", 2));
        assertEquals(400, otherUri.status());
        assertTrue(overlay.held("sip:alice@chord.lab").isEmpty());
    }

    @Test
    void bobAuthenticatedButClaimingAliceIsForbidden() throws Exception {
        Map<String, String> offer = params(register(bobPhone, "alice", "").headers("WWW-Authenticate").get(0));
        SipText forbidden = register(bobPhone, "alice", authorization("Authorization", BOB, offer, DigestAlgorithm.SHA_256,
                "REGISTER", "sip:chord.lab", 1));
        assertEquals(403, forbidden.status());
        assertTrue(overlay.held("sip:alice@chord.lab").isEmpty());
        assertEquals(1, agent.authentication().orElseThrow().forbidden());
    }

    @Test
    void aMessageFromAliceWithoutCredentialsGets407AndIsNotDelivered() throws Exception {
        registerWithPassword(bobPhone, BOB);
        alicePhone.send(alicePhone.request("MESSAGE", "sip:bob@chord.lab", "sip:alice@chord.lab", "sip:bob@chord.lab",
                "spoof-1", 1, "Content-Type: text/plain\r\n", "I am alice, trust me"), agentAddress);
        SipText refused = response(alicePhone);
        assertEquals(407, refused.status());
        assertEquals(2, refused.headers("Proxy-Authenticate").size());
        assertTrue(nextMessage(bobPhone, Duration.ofMillis(500)).isEmpty(), "the spoofed MESSAGE reached bob");

        Map<String, String> offer = params(refused.headers("Proxy-Authenticate").get(0));
        alicePhone.send(alicePhone.request("MESSAGE", "sip:bob@chord.lab", "sip:alice@chord.lab", "sip:bob@chord.lab",
                "spoof-1", 2, "Content-Type: text/plain\r\n" + authorization("Proxy-Authorization", ALICE, offer,
                        DigestAlgorithm.SHA_256, "MESSAGE", "sip:bob@chord.lab", 1), "it is me"), agentAddress);
        SipText delivered = nextMessage(bobPhone, WAIT).orElseThrow(() -> new AssertionError("no MESSAGE for bob"));
        assertEquals("it is me", delivered.body());
        assertTrue(delivered.headers("Proxy-Authorization").isEmpty(), "the agent passed on the credentials it consumed");
        bobPhone.answer(delivered, 200, "OK");
        assertEquals(200, response(alicePhone).status());
    }

    @Test
    void requestsFromOtherDomainsAndInsideDialogsAreNotChallenged() throws Exception {
        registerWithPassword(bobPhone, BOB);
        long challenged = agent.authentication().orElseThrow().challenged();
        alicePhone.send(alicePhone.request("MESSAGE", "sip:bob@chord.lab", "sip:carol@pastry.lab", "sip:bob@chord.lab",
                "other-1", 1, "Content-Type: text/plain\r\n", "from afar"), agentAddress);
        SipText delivered = nextMessage(bobPhone, WAIT).orElseThrow(() -> new AssertionError("no MESSAGE for bob"));
        bobPhone.answer(delivered, 200, "OK");
        assertEquals(200, response(alicePhone).status());
        alicePhone.send(alicePhone.request("BYE", "sip:bob@chord.lab", "sip:alice@chord.lab", "sip:bob@chord.lab",
                "bye-1", 5, "", "").replace("To: <sip:bob@chord.lab>", "To: <sip:bob@chord.lab>;tag=x1"), agentAddress);
        SipText bye = nextRequest(bobPhone, "BYE", WAIT).orElseThrow(() -> new AssertionError("the BYE was held back"));
        bobPhone.answer(bye, 200, "OK");
        assertEquals(200, response(alicePhone).status());
        assertEquals(challenged, agent.authentication().orElseThrow().challenged());
    }

    // ---- helpers

    private void registerWithPassword(RawSipPeer phone, DigestCredential who) throws InterruptedException {
        Map<String, String> offer = params(register(phone, who.username(), "").headers("WWW-Authenticate").get(0));
        assertEquals(200, register(phone, who.username(), authorization("Authorization", who, offer, DigestAlgorithm.SHA_256,
                "REGISTER", "sip:chord.lab", 1)).status());
    }

    private SipText register(RawSipPeer phone, String user, String credentials) throws InterruptedException {
        phone.send(phone.request("REGISTER", "sip:chord.lab", "sip:" + user + "@chord.lab", "sip:" + user + "@chord.lab",
                "reg-" + user + "-" + phone.port(), cseq++, "Contact: <" + phone.contact(user) + ">\r\nExpires: 300\r\n" + credentials,
                ""), agentAddress);
        return response(phone);
    }

    /** The next response to {@code phone}, while the agent's timers run. */
    private SipText response(RawSipPeer phone) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            time.runFor(0);
            Optional<SipText> m = phone.poll(Duration.ofMillis(20));
            if (m.isPresent() && m.get().isResponse() && m.get().status() >= 200) return m.get();
        }
        throw new AssertionError("no final response within " + WAIT);
    }

    private Optional<SipText> nextMessage(RawSipPeer phone, Duration limit) {
        return nextRequest(phone, "MESSAGE", limit);
    }

    private Optional<SipText> nextRequest(RawSipPeer phone, String method, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            time.runFor(0);
            Optional<SipText> m = phone.poll(Duration.ofMillis(20));
            if (m.isPresent() && !m.get().isResponse() && m.get().method().equals(method)) return m;
        }
        return Optional.empty();
    }

    private static Map<String, String> offerOf(SipText challenge, DigestAlgorithm algorithm) {
        return challenge.headers("WWW-Authenticate").stream().map(AuthenticatingAgentTest::params)
                .filter(p -> algorithm.sipName().equals(p.get("algorithm"))).findFirst().orElseThrow();
    }

    /** An Authorization (or Proxy-Authorization) header line answering {@code offer}, with nonce-count {@code nc}. */
    private static String authorization(String header, DigestCredential who, Map<String, String> offer, DigestAlgorithm algorithm,
                                        String method, String uri, int nc) {
        String count = String.format("%08x", nc);
        String cnonce = "c" + nc + "n0nce";
        String response = DigestResponses.response(algorithm, who.ha1(algorithm), offer.get("nonce"), count, cnonce, method, uri);
        return header + ": Digest username=\"" + who.username() + "\", realm=\"" + offer.get("realm") + "\", nonce=\""
                + offer.get("nonce") + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=" + algorithm.sipName()
                + ", qop=auth, nc=" + count + ", cnonce=\"" + cnonce + "\"\r\n";
    }

    /** The parameters of a challenge, unquoted. */
    static Map<String, String> params(String challenge) {
        Map<String, String> out = new HashMap<>();
        String rest = challenge.replaceFirst("(?i)^\\s*Digest\\s+", "");
        for (String part : rest.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            out.put(part.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), part.substring(eq + 1).strip().replace("\"", ""));
        }
        return out;
    }
}
