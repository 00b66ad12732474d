package org.interlay.shell.session;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.router.sip.MessageSizeLimit;
import org.interlay.shell.repl.ShellInputException;
import org.junit.jupiter.api.Test;

/** {@code send} and {@code burst} refuse a text over the MESSAGE size limit at once, saying the limit. */
class MessageSizeRefusalTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final OverlayDirectory directory = new OverlayDirectory();
    private final ShellSession session = new ShellSession(directory, null, new OverlayMembers(null, directory, LOOPBACK), LOOPBACK);

    @Test
    void sendRefusesOneByteOverTheLimitBeforeAnythingElse() {
        ShellInputException e = assertThrows(ShellInputException.class,
                () -> session.send("bob@kad.lab", "x".repeat(MessageSizeLimit.BODY_BYTES + 1)));
        assertTrue(e.getMessage().startsWith("a message is at most 8192 bytes"), e.getMessage());
        assertTrue(e.getMessage().endsWith("this one is 8193"), e.getMessage());
    }

    @Test
    void sendAtTheLimitGoesOnToNeedAUser() {
        ShellInputException e = assertThrows(ShellInputException.class,
                () -> session.send("bob@kad.lab", "x".repeat(MessageSizeLimit.BODY_BYTES)));
        assertTrue(e.getMessage().startsWith("act as a user first"), e.getMessage());
    }

    @Test
    void burstRefusesWhenItsLongestBodyIsOverTheLimit() {
        String text = "x".repeat(MessageSizeLimit.BODY_BYTES - 3); // "x... 10/10" is 7 bytes longer
        ShellInputException e = assertThrows(ShellInputException.class,
                () -> session.burst("bob@kad.lab", 10, Duration.ofMillis(100), text));
        assertTrue(e.getMessage().startsWith("a message is at most 8192 bytes"), e.getMessage());
    }
}
