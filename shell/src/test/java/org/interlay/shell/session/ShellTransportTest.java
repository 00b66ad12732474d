package org.interlay.shell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
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
import org.interlay.shell.repl.CommandTable;
import org.interlay.shell.repl.ShellInputException;
import org.interlay.time.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code as <aor> --tcp}: a user on TCP and one on UDP, registered with one peer's agent, exchange messages. */
@Tag("slow")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShellTransportTest {
    private final EventLoop loop = new EventLoop("transport-test-peer");
    private final OverlayDirectory directory = new OverlayDirectory();
    private OverlayPeer peer;
    private PeerAgent agent;
    private ShellSession session;

    @BeforeEach
    void start() throws Exception {
        peer = OverlayPeer.start(new PeerSpec("chord", Algorithm.named("chord"), "chord.lab",
                InetAddress.getLoopbackAddress(), 0, List.of(), 0, "p1"), loop, null, Duration.ZERO, Duration.ofSeconds(10));
        agent = PeerAgent.start(peer.node(), SipAgentConfig.defaults("chord.lab", 0));
        directory.found(OverlayAdvert.of("chord", Algorithm.named("chord"), "chord.lab",
                List.of(new HostPort(peer.node().self().address().host(), peer.node().self().address().port())),
                List.of(new HostPort(agent.sipAddress().getAddress().getHostAddress(), agent.sipAddress().getPort())),
                NodeRole.PEER, "p1"), Source.STATIC);
        session = new ShellSession(directory, null, new OverlayMembers(null, directory, java.net.InetAddress.getLoopbackAddress()),
                java.net.InetAddress.getLoopbackAddress());
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
    void aUserOnTcpAndAUserOnUdpExchangeMessages() throws Exception {
        CommandTable table = ShellCommands.table(session);
        assertTrue(run(table, "as", "bob@chord.lab").trim().endsWith(":" + agent.sipAddress().getPort()));
        String acting = run(table, "as", "alice@chord.lab", "--tcp");
        assertTrue(acting.trim().endsWith("over tcp"), acting);
        assertTrue(session.send("bob@chord.lab", "over tcp, then udp").startsWith("delivered"));
        run(table, "as", "bob@chord.lab");
        assertTrue(session.send("alice@chord.lab", "over udp, then tcp").startsWith("delivered"));
        assertEquals(List.of("tcp", "udp"), session.userLines().stream()
                .sorted(java.util.Comparator.comparing(ShellSession.UserLine::aor)).map(ShellSession.UserLine::transport).toList());
        assertTrue(run(table, "users").contains("OVER"));
    }

    @Test
    void aTransportOtherThanTcpOrUdpAndAChangeOfTransportAreRefused() throws Exception {
        CommandTable table = ShellCommands.table(session);
        ShellInputException bogus = assertThrows(ShellInputException.class, () -> run(table, "as", "carol@chord.lab", "--tls"));
        assertTrue(bogus.getMessage().contains("is not --tcp or --udp"), bogus.getMessage());
        run(table, "as", "carol@chord.lab");
        ShellInputException change = assertThrows(ShellInputException.class, () -> run(table, "as", "carol@chord.lab", "--tcp"));
        assertTrue(change.getMessage().contains("already uses udp"), change.getMessage());
    }
}
