package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.interlay.router.bridge.SoleBridgeCoordinator;
import org.interlay.router.sip.MessageSizeLimit;
import org.interlay.router.testing.OverlayLab;
import org.interlay.router.testing.OverlayLab.LabDomain;
import org.interlay.router.ua.IncomingMessage;
import org.interlay.router.ua.MessageTooLargeException;
import org.interlay.router.ua.SipOutcome;
import org.interlay.router.ua.UserAgent;
import org.interlay.router.ua.UserAgentConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one MESSAGE size limit holds on every path: a body of exactly the limit is delivered within an
 * overlay and across overlays through a router (as the router relays by default); one byte more is
 * refused by the user agent before anything is sent.
 */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MessageSizeLimitTest {
    private static final long WAIT_SECONDS = 10;
    private static OverlayLab lab;
    private static UserAgent alice;
    private static UserAgent carol;
    private static UserAgent bob;
    private static final BlockingQueue<IncomingMessage> toCarol = new LinkedBlockingQueue<>();
    private static final BlockingQueue<IncomingMessage> toBob = new LinkedBlockingQueue<>();

    @BeforeAll
    static void startLab() throws Exception {
        lab = OverlayLab.start(List.of(new LabDomain("chord.lab", "chord"), new LabDomain("kad.lab", "kademlia")), 3,
                AgentPolicies.STANDARD);
        lab.startRouter("r1", new SoleBridgeCoordinator(),
                RouterConfig.defaults("r1", 0, List.of("chord.lab", "kad.lab")).relayMode());
        lab.awaitBridge("chord.lab", "kad.lab", "r1", Duration.ofSeconds(20));
        alice = user("sip:alice@chord.lab");
        carol = user("sip:carol@chord.lab");
        bob = user("sip:bob@kad.lab");
        carol.onMessage(toCarol::add);
        bob.onMessage(toBob::add);
    }

    private static UserAgent user(String aor) throws Exception {
        String domain = aor.substring(aor.indexOf('@') + 1);
        UserAgent ua = UserAgent.start(UserAgentConfig.of(aor, lab.agent(domain).sipAddress()));
        assertTrue(ua.register(Duration.ofMinutes(10)).get(WAIT_SECONDS, TimeUnit.SECONDS).isSuccess(), "registering " + aor);
        return ua;
    }

    @AfterAll
    static void stopLab() {
        for (UserAgent ua : new UserAgent[] {alice, carol, bob}) {
            if (ua != null) ua.close();
        }
        if (lab != null) lab.close();
    }

    @Test
    void aBodyOfExactlyTheLimitIsDeliveredWithinAnOverlay() throws Exception {
        String text = "c".repeat(MessageSizeLimit.BODY_BYTES);
        SipOutcome o = alice.sendMessage("sip:carol@chord.lab", text).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(200, o.status(), o.toString());
        assertEquals(text, toCarol.poll(WAIT_SECONDS, TimeUnit.SECONDS).text());
    }

    @Test
    void aBodyOfExactlyTheLimitIsDeliveredAcrossOverlays() throws Exception {
        String text = "b".repeat(MessageSizeLimit.BODY_BYTES);
        SipOutcome o = alice.sendMessage("sip:bob@kad.lab", text).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(200, o.status(), o.toString());
        assertEquals(text, toBob.poll(WAIT_SECONDS, TimeUnit.SECONDS).text());
    }

    @Test
    void oneByteMoreIsRefusedBeforeSendingSayingTheLimit() {
        for (String to : List.of("sip:carol@chord.lab", "sip:bob@kad.lab")) {
            CompletableFuture<SipOutcome> sent = alice.sendMessage(to, "x".repeat(MessageSizeLimit.BODY_BYTES + 1));
            assertTrue(sent.isCompletedExceptionally(), "refused at once, not sent");
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, sent::get);
            MessageTooLargeException tooLarge = assertInstanceOf(MessageTooLargeException.class, e.getCause());
            assertEquals(MessageSizeLimit.BODY_BYTES + 1, tooLarge.bytes());
            assertTrue(tooLarge.getMessage().contains("at most 8192 bytes"), tooLarge.getMessage());
        }
    }

    @Test
    void theLimitCountsBytesOfUtf8NotCharacters() {
        String text = "é".repeat(MessageSizeLimit.BODY_BYTES / 2 + 1); // two bytes each
        assertTrue(alice.sendMessage("sip:bob@kad.lab", text).isCompletedExceptionally());
    }
}
