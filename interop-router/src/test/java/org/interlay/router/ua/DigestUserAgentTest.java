package org.interlay.router.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.interlay.router.PeerAgent;
import org.interlay.router.SipAgentConfig;
import org.interlay.router.auth.DigestAuthentication;
import org.interlay.router.auth.DigestUsers;
import org.interlay.router.presence.PresenceDocument;
import org.interlay.router.testing.Eventually;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.trust.Aor;
import org.interlay.trust.DigestCredential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * User agents with passwords through an agent that authenticates: they answer its 401 and 407
 * challenges, register, publish, subscribe, message and call; a wrong password or none is told.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DigestUserAgentTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final DigestCredential ALICE = new DigestCredential(Aor.parse("sip:alice@chord.lab"), "alice-password");
    private static final DigestCredential BOB = new DigestCredential(Aor.parse("sip:bob@chord.lab"), "bob-password");

    private final InMemoryOverlay overlay = new InMemoryOverlay("chord.lab");
    private PeerAgent agent;
    private final List<UserAgent> phones = new java.util.ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        agent = PeerAgent.start(overlay, SipAgentConfig.defaults("chord.lab", 0)
                .withAuthentication(DigestAuthentication.of(DigestUsers.of("chord.lab", List.of(ALICE.secret(), BOB.secret())))));
    }

    @AfterEach
    void stop() {
        phones.forEach(UserAgent::close);
        agent.close();
        overlay.halt();
    }

    private UserAgent phone(String aor, String password) throws Exception {
        UserAgentConfig config = UserAgentConfig.of(aor, agent.sipAddress());
        UserAgent ua = UserAgent.start(password == null ? config : config.withPassword(password));
        phones.add(ua);
        return ua;
    }

    @Test
    void usersWithTheirPasswordsRegisterPublishSubscribeMessageAndCall() throws Exception {
        UserAgent alice = phone("sip:alice@chord.lab", ALICE.password());
        UserAgent bob = phone("sip:bob@chord.lab", BOB.password());
        assertEquals(200, alice.register(HOUR).get(10, TimeUnit.SECONDS).status());
        assertEquals(200, bob.register(HOUR).get(10, TimeUnit.SECONDS).status());
        assertTrue(overlay.held("sip:alice@chord.lab").isPresent());

        BlockingQueue<IncomingMessage> bobReads = new LinkedBlockingQueue<>();
        bob.onMessage(bobReads::add);
        assertEquals(200, alice.sendMessage("sip:bob@chord.lab", "hello bob").get(10, TimeUnit.SECONDS).status());
        assertEquals("hello bob", Eventually.take(bobReads, m -> true, WAIT, "bob reads").text());

        assertTrue(bob.publishPresence(PresenceDocument.Basic.OPEN, "here", HOUR).get(10, TimeUnit.SECONDS).isSuccess());
        alice.subscribe("sip:bob@chord.lab", HOUR).get(10, TimeUnit.SECONDS);

        BlockingQueue<Call> bobCalls = new LinkedBlockingQueue<>();
        bob.onCall(bobCalls::add);
        Call out = alice.call("sip:bob@chord.lab");
        Call in = Eventually.take(bobCalls, c -> c.state() == Call.State.RINGING, WAIT, "bob's phone ringing");
        bob.answer(in);
        Eventually.await(() -> out.state() == Call.State.ESTABLISHED && in.state() == Call.State.ESTABLISHED, WAIT,
                "the call established on both sides (the ACK follows the authenticated INVITE)");
        assertEquals(200, alice.hangup(out).get(10, TimeUnit.SECONDS).status());
        Eventually.await(() -> in.state() == Call.State.ENDED, WAIT, "bob's side ended");

        assertEquals(200, alice.register(HOUR).get(10, TimeUnit.SECONDS).status(), "a refresh counts its CSeq past the challenged one");
        assertTrue(agent.authentication().orElseThrow().authenticated() >= 7);
    }

    @Test
    void aWrongPasswordOrNoneIsToldAndNothingIsBound() throws Exception {
        SipOutcome wrong = phone("sip:alice@chord.lab", "guessed").register(HOUR).get(10, TimeUnit.SECONDS);
        assertEquals(401, wrong.status());
        assertTrue(wrong.reason().contains("credentials of sip:alice@chord.lab were refused"), wrong.toString());
        SipOutcome none = phone("sip:alice@chord.lab", null).register(HOUR).get(10, TimeUnit.SECONDS);
        assertEquals(401, none.status());
        assertTrue(none.reason().contains("no password given"), none.toString());
        SipOutcome message = phone("sip:alice@chord.lab", null).sendMessage("sip:bob@chord.lab", "hi").get(10, TimeUnit.SECONDS);
        assertEquals(407, message.status());
        assertTrue(overlay.held("sip:alice@chord.lab").isEmpty());
    }
}
