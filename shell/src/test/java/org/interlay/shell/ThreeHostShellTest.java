package org.interlay.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interlay.discovery.netns.ChildProcess;
import org.interlay.discovery.netns.VirtualLan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * The shell on a host of its own, as a deployment runs it: three hosts on one bridged segment
 * (network namespaces, 10.77.0.1-3), Chord peers on the first, Kademlia peers on the second, a
 * router and the shell on the third, every command with {@code --bind}. Users of the shell register
 * with peers on the other hosts, message each other through the router, and look each other up; a
 * second shell on the Chord peers' host takes part too. No process bound to a LAN address may put
 * 127.0.0.1 into anything it sends or stores: the test reads the contacts stored in the overlays,
 * the adverts as another host sees them, and every packet that crossed the bridge.
 */
@Tag("netns")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ThreeHostShellTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration SCRIPT = Duration.ofSeconds(120);
    private static final Duration SHELL_LINE = Duration.ofSeconds(40);
    private static final String LOOPBACK = "127.0.0.1";

    private VirtualLan lan;
    private BridgeCapture capture;
    private final List<ChildProcess> processes = new ArrayList<>();
    /** The Chord peers, by the port of their SIP agent. */
    private final Map<Integer, ChildProcess> peers = new HashMap<>();
    private final Path logs = ChildProcess.LOG_DIR.resolve("three-host-shell");

    @BeforeEach
    void makeLan(TestInfo test) throws Exception {
        VirtualLan.assumeAvailable();
        lan = VirtualLan.create(3);
        Files.createDirectories(logs);
        String method = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
        capture = BridgeCapture.start(lan.inSwitch(), logs.resolve("bridge-" + method + ".txt"));
    }

    @AfterEach
    void removeLan() throws Exception {
        processes.forEach(ChildProcess::kill);
        processes.forEach(ChildProcess::close);
        if (capture != null) capture.close();
        if (lan != null) lan.close();
    }

    @Test
    void aShellOnAThirdHostRegistersSendsAndReceivesAcrossOverlaysAndNoLoopbackAddressLeavesAnyHost() throws Exception {
        startPeersAndRouter();

        // dave's shell runs on the host of the Chord peers, bound to that host's address
        ChildProcess dave = shell(1, "shell-dave", "dave.il", List.of(
                "expect overlays 2 within 30s",
                "as dave@chord.lab",
                "expect message from bob@kad.lab containing \"to dave\" within 90s",
                "send bob@kad.lab \"dave on the first host back to bob\"",
                "lookup dave@chord.lab"));
        dave.awaitLine(l -> l.startsWith("acting as dave@chord.lab"), START, "dave registered");

        ChildProcess third = shell(3, "shell-third", "third.il", List.of(
                "expect overlays 2 within 30s",
                "as alice@chord.lab",
                "as bob@kad.lab",
                "as alice@chord.lab",
                "send bob@kad.lab \"alice on the third host to kademlia\"",
                "expect message from alice@chord.lab containing \"to kademlia\" within 10s",
                "as bob@kad.lab",
                "send alice@chord.lab \"bob on the third host to chord\"",
                "expect message from bob@kad.lab containing \"to chord\" within 10s",
                "send dave@chord.lab \"bob on the third host to dave\"",
                "expect message from dave@chord.lab containing \"back to bob\" within 20s",
                "lookup alice@chord.lab",
                "lookup bob@kad.lab",
                "users",
                "inbox"));
        String thirdOut = finish(third, "third.il");
        String daveOut = finish(dave, "dave.il");

        assertTrue(thirdOut.contains("alice@chord.lab -> sip:alice@10.77.0.3:"), "alice's contact is on her shell's host:\n" + thirdOut);
        assertTrue(thirdOut.contains("bob@kad.lab -> sip:bob@10.77.0.3:"), "bob's contact is on his shell's host:\n" + thirdOut);
        assertTrue(daveOut.contains("dave@chord.lab -> sip:dave@10.77.0.1:"), "dave's contact is on his shell's host:\n" + daveOut);
        assertNoLoopback("the shell on the third host", thirdOut);
        assertNoLoopback("the shell on the Chord peers' host", daveOut);

        ChildProcess overlays = interlay(2, "overlays-json", "overlays", "--json", "--wait", "4", "--bind", lan.address(2));
        String json = overlays.awaitLine(l -> l.startsWith("["), Duration.ofSeconds(40), "the overlays as JSON");
        assertTrue(json.contains("\"chord\"") && json.contains("\"kad\"") && json.contains("10.77.0.1:4000")
                && json.contains("10.77.0.2:4000") && json.contains("10.77.0.1:5060") && json.contains("10.77.0.2:5060"), json);
        assertNoLoopback("the adverts as the Kademlia peers' host sees them", json);

        assertNoPacketNamesLoopback();
    }

    /**
     * The peer a user of the shell registered with dies: the shell moves the user to the other peer
     * of its overlay, on that peer's host, and registers it there with the same contact on the shell's
     * host; messages go on both ways. The shell reads its commands from standard input, line by line
     * as the test sends them, so the test kills the peer between two lines.
     */
    @Test
    void whenThePeerAUserRegisteredWithDiesTheShellMovesItThereAndItsContactStaysOnTheShellsHost() throws Exception {
        startPeersAndRouter();
        ChildProcess shell = interlay(3, "shell-stdin", "shell", "--bind", lan.address(3));
        run(shell, "expect overlays 2 within 30s", l -> l.startsWith("ok: overlays 2"));
        run(shell, "as bob@kad.lab", l -> l.startsWith("acting as bob@kad.lab"));
        String registered = run(shell, "as alice@chord.lab", l -> l.startsWith("acting as alice@chord.lab, registered with"));
        Matcher m = Pattern.compile("at 10\\.77\\.0\\.1:(\\d+)$").matcher(registered);
        assertTrue(m.find(), registered);
        int sipPort = Integer.parseInt(m.group(1));
        ChildProcess dying = peers.get(sipPort);
        assertTrue(dying != null, "alice registered with a peer of the test: " + registered);
        dying.kill();
        assertTrue(dying.awaitExit(Duration.ofSeconds(10)), "the peer with SIP port " + sipPort + " died");

        int from = shell.lineCount();
        run(shell, "send bob@kad.lab \"alice after her peer died\"", l -> l.startsWith("delivered to bob@kad.lab"));
        String other = "10.77.0.1:" + (sipPort == 5060 ? 5061 : 5060);
        shell.awaitLineAfter(from, l -> l.contains("alice@chord.lab moved to " + other), Duration.ofSeconds(10),
                "alice moved to the other chord peer");
        run(shell, "expect message from alice@chord.lab containing \"after her peer died\" within 10s",
                l -> l.startsWith("ok: message from alice@chord.lab"));
        String found = run(shell, "lookup alice@chord.lab", l -> l.startsWith("alice@chord.lab -> "));
        assertTrue(found.startsWith("alice@chord.lab -> sip:alice@10.77.0.3:"), found);
        run(shell, "as bob@kad.lab", l -> l.startsWith("acting as bob@kad.lab"));
        run(shell, "send alice@chord.lab \"bob to alice, moved\"", l -> l.startsWith("delivered to alice@chord.lab"));
        run(shell, "users", l -> l.contains("alice@chord.lab") && l.contains(other));
        shell.send("quit");
        assertTrue(shell.awaitExit(Duration.ofSeconds(20)), "the shell quits");
        assertNoLoopback("the shell", String.join("\n", shell.lines()));
        assertNoPacketNamesLoopback();
    }

    /** Two Chord peers on host 1, two Kademlia peers on host 2, each with a SIP agent; a router on host 3 bridging them. */
    private void startPeersAndRouter() throws Exception {
        startPeer(1, "chord", "chord", 4000, null);
        startPeer(1, "chord", "chord", 4001, "10.77.0.1:4000");
        startPeer(2, "kad", "kademlia", 4000, null);
        startPeer(2, "kad", "kademlia", 4001, "10.77.0.2:4000");
        ChildProcess router = interlay(3, "router-r1", "router", "--overlays", "chord.lab,kad.lab", "--id", "r1",
                "--sip-port", "5070", "--bind", lan.address(3));
        router.awaitLine(l -> (l.startsWith("router r1 bridges") || l.startsWith("router r1 takes over"))
                && l.contains("chord.lab<->kad.lab"), START, "the router bridging chord.lab and kad.lab");
    }

    /** Sends one line to a shell reading standard input and waits for the output line that says it worked. */
    private static String run(ChildProcess shell, String line, Predicate<String> done) {
        int from = shell.lineCount();
        shell.send(line);
        String answer = shell.awaitLineAfter(from, done.or(l -> l.contains(": failed: ")), SHELL_LINE, "the answer to '" + line + "'");
        assertFalse(answer.contains(": failed: "), String.join("\n", shell.lines()));
        return answer;
    }

    private void assertNoPacketNamesLoopback() throws Exception {
        String wire = capture.stop();
        assertTrue(wire.contains("REGISTER sip:chord.lab") && wire.contains("Contact: <sip:alice@10.77.0.3:"),
                "the capture saw the SIP traffic (" + wire.length() + " characters)");
        List<String> leaks = BridgeCapture.linesWith(wire, LOOPBACK);
        assertEquals(List.of(), leaks, "packets between the hosts that carry " + LOOPBACK + " (contacts, Vias, adverts)");
    }

    private void startPeer(int host, String overlay, String algorithm, int port, String bootstrap) throws Exception {
        List<String> args = new ArrayList<>(List.of("node", "--overlay", overlay, "--algo", algorithm, "--bind", lan.address(host),
                "--port", String.valueOf(port), "--sip-port", String.valueOf(port + 1060), "--discovery-wait", "1"));
        if (bootstrap != null) args.addAll(List.of("--bootstrap", bootstrap));
        ChildProcess peer = interlay(host, overlay + "-" + port, args.toArray(String[]::new));
        peer.awaitLine(l -> l.startsWith("created ") || l.startsWith("joined "), START, overlay + " peer on :" + port);
        if (host == 1) peers.put(port + 1060, peer);
    }

    private ChildProcess shell(int host, String label, String name, List<String> lines) throws Exception {
        Path script = logs.resolve(name);
        Files.writeString(script, String.join("\n", lines) + "\n");
        return interlay(host, label, "shell", "--bind", lan.address(host), "--script", script.toAbsolutePath().toString());
    }

    /** Waits for a shell's script to end, and returns what it printed; fails unless it held. */
    private static String finish(ChildProcess shell, String name) throws Exception {
        String last = shell.awaitLine(l -> l.startsWith("script "), SCRIPT, "the end of " + name);
        assertTrue(shell.awaitExit(Duration.ofSeconds(15)), name + " exits");
        String out = String.join("\n", shell.lines());
        assertFalse(last.contains("failed"), out + "\n" + shell.logText());
        assertEquals(0, shell.exitCode().orElse(-1), out);
        return out;
    }

    private ChildProcess interlay(int host, String label, String... args) throws Exception {
        ChildProcess p = ChildProcess.start(lan.inHost(host), "three-host-shell-" + label, Interlay.class, List.of(args));
        processes.add(p);
        return p;
    }

    private static void assertNoLoopback(String what, String text) {
        List<String> lines = text.lines().filter(l -> l.contains(LOOPBACK)).toList();
        assertEquals(List.of(), lines, what + " names " + LOOPBACK);
    }
}
