package org.interlay.shell.session;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interlay.discovery.Algorithm;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.NodeRole;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.Source;
import org.interlay.harness.peer.OverlayPeer;
import org.interlay.harness.peer.PeerSpec;
import org.interlay.router.PeerAgent;
import org.interlay.router.SipAgentConfig;
import org.interlay.router.auth.DigestAuthentication;
import org.interlay.router.auth.DigestUsers;
import org.interlay.shell.repl.CommandTable;
import org.interlay.shell.repl.ShellInputException;
import org.interlay.time.EventLoop;
import org.interlay.trust.Aor;
import org.interlay.trust.DigestCredential;
import org.interlay.trust.TrustDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code as <aor> --password-file F}: a shell user answers the challenges of an agent that reads its
 * users from a directory of enrolled users; without a password or with a wrong one, the shell says so.
 */
@Tag("slow")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShellDigestTest {
    private final EventLoop loop = new EventLoop("digest-test-peer");
    private final OverlayDirectory directory = new OverlayDirectory();
    private OverlayPeer peer;
    private PeerAgent agent;
    private ShellSession session;
    @TempDir
    Path users;

    @BeforeEach
    void start() throws Exception {
        for (String user : List.of("alice", "bob")) {
            DigestCredential c = new DigestCredential(Aor.parse("sip:" + user + "@chord.lab"), user + "-password-0123");
            Path dir = Files.createDirectories(users.resolve(user));
            Files.writeString(dir.resolve(TrustDirectory.PASSWORD), c.password() + "\n");
            c.secret().save(dir.resolve(TrustDirectory.DIGEST_HA1));
        }
        peer = OverlayPeer.start(new PeerSpec("chord", Algorithm.named("chord"), "chord.lab",
                InetAddress.getLoopbackAddress(), 0, List.of(), 0, "p1"), loop, null, Duration.ZERO, Duration.ofSeconds(10));
        agent = PeerAgent.start(peer.node(), SipAgentConfig.defaults("chord.lab", 0)
                .withAuthentication(DigestAuthentication.of(DigestUsers.load(users, "chord.lab"))));
        directory.found(OverlayAdvert.of("chord", Algorithm.named("chord"), "chord.lab",
                List.of(new HostPort(peer.node().self().address().host(), peer.node().self().address().port())),
                List.of(new HostPort(agent.sipAddress().getAddress().getHostAddress(), agent.sipAddress().getPort())),
                NodeRole.PEER, "p1"), Source.STATIC);
        session = new ShellSession(directory, null, new OverlayMembers(null, directory, InetAddress.getLoopbackAddress()),
                InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() {
        session.close();
        agent.close();
        peer.close();
        loop.close();
    }

    private String run(CommandTable table, String... words) throws Exception {
        CommandTable.Call call = table.resolve(List.of(words));
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            call.command().action().run(call.args(), out);
        }
        return text.toString();
    }

    @Test
    void usersWithTheirPasswordFilesRegisterAndMessageAndOthersAreToldWhy() throws Exception {
        CommandTable table = ShellCommands.table(session);
        ShellInputException none = assertThrows(ShellInputException.class, () -> run(table, "as", "bob@chord.lab"));
        assertTrue(none.getMessage().contains("401") && none.getMessage().contains("no password given"), none.getMessage());
        ShellInputException wrong = assertThrows(ShellInputException.class,
                () -> run(table, "as", "bob@chord.lab", "--password", "guessed"));
        assertTrue(wrong.getMessage().contains("were refused"), wrong.getMessage());

        assertTrue(run(table, "as", "bob@chord.lab", "--password-file", users.resolve("bob/password").toString())
                .contains("registered with chord.lab"));
        assertTrue(run(table, "as", "alice@chord.lab", "--tcp", "--password-file", users.resolve("alice/password").toString())
                .contains("registered with chord.lab"));
        assertTrue(session.send("bob@chord.lab", "authenticated hello").startsWith("delivered"));
        ShellInputException missing = assertThrows(ShellInputException.class,
                () -> run(table, "as", "carol@chord.lab", "--password-file", users.resolve("carol/password").toString()));
        assertTrue(missing.getMessage().contains("cannot read the password file"), missing.getMessage());
    }
}
