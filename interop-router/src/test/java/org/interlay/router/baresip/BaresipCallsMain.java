package org.interlay.router.baresip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.interlay.router.AgentPolicies;
import org.interlay.router.Router;
import org.interlay.router.auth.DigestAuthentication;
import org.interlay.router.auth.DigestUsers;
import org.interlay.trust.Aor;
import org.interlay.trust.DigestAlgorithm;
import org.interlay.trust.DigestCredential;
import org.interlay.router.bridge.SoleBridgeCoordinator;
import org.interlay.router.testing.OverlayLab;
import org.interlay.router.testing.OverlayLab.LabDomain;

/**
 * Run inside a network namespace of its own (see {@link BaresipCallsTest}): three overlays of
 * different kinds with an agent each and one router, a baresip phone registered in each, and a call
 * for every ordered pair of the three: dialled, rung (180 back to the caller), answered, held for {@link #TALK} with audio
 * both ways, hung up by the caller. Prints one line per call and exits 0 when every call passed.
 *
 * <p>Arguments: a work folder, the phones' transport, udp or tcp, and optionally {@code auth}: then
 * every agent authenticates its users by digest, each phone has its password ({@code auth_pass}), and
 * before the calls each phone sends a MESSAGE to the next one, which must show it.
 */
public final class BaresipCallsMain {
    static final Duration TALK = Duration.ofMillis(3_200);
    static final Duration WAIT = Duration.ofSeconds(10);
    /** 3 s of 20 ms packets, less a little for the start and end of a stream. */
    static final long MIN_PACKETS = 140;

    private BaresipCallsMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3 || !List.of("udp", "tcp").contains(args[1])
                || args.length == 3 && !args[2].equals("auth")) {
            System.err.println("usage: BaresipCallsMain <work folder> udp|tcp [auth]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        String transport = args[1];
        boolean auth = args.length == 3;
        Map<String, String> users = Map.of("chord.lab", "alice", "kad.lab", "bob", "pastry.lab", "dave");
        List<String> domains = List.of("chord.lab", "kad.lab", "pastry.lab");
        Map<String, DigestCredential> passwords = new java.util.HashMap<>();
        Map<String, DigestAuthentication> authentication = new java.util.HashMap<>();
        if (auth) {
            java.util.Random random = new java.util.Random(15);
            for (String domain : domains) {
                DigestCredential c = new DigestCredential(Aor.parse("sip:" + users.get(domain) + "@" + domain),
                        "pw" + Long.toHexString(random.nextLong()));
                passwords.put(domain, c);
                // baresip 1.0 (libre 1.1) refuses a challenge set that names SHA-256: its agents offer MD5 alone
                authentication.put(domain, DigestAuthentication.of(DigestUsers.of(domain, List.of(c.secret())))
                        .offering(List.of(DigestAlgorithm.MD5)));
            }
        }
        Path tone = dir.resolve("tone.wav");
        writeTone(tone, 20);
        long started = System.nanoTime();
        List<Baresip> phones = new ArrayList<>();
        int failed = 0;
        int failedMessages = 0;
        try (OverlayLab lab = OverlayLab.start(List.of(new LabDomain("chord.lab", "chord"), new LabDomain("kad.lab", "kademlia"),
                new LabDomain("pastry.lab", "pastry")), 3, AgentPolicies.STANDARD, authentication)) {
            Router router = lab.startRouter("r1", new SoleBridgeCoordinator());
            for (String from : List.of("chord.lab", "kad.lab", "pastry.lab")) {
                for (String to : List.of("chord.lab", "kad.lab", "pastry.lab")) {
                    if (!from.equals(to)) lab.awaitBridge(from, to, "r1", Duration.ofSeconds(30));
                }
            }
            System.out.println("lab up: chord.lab, kad.lab, pastry.lab and router r1 at " + router.sipAddress().getAddress().getHostAddress() + ":" + router.sipAddress().getPort());
            int n = 0;
            for (String domain : domains) {
                String aor = "sip:" + users.get(domain) + "@" + domain;
                InetSocketAddress agent = lab.agent(domain).sipAddress();
                String next = domains.get((n + 1) % domains.size());
                phones.add(Baresip.start(dir.resolve(users.get(domain)), aor, transport, agent, 5100 + 10 * n, 4400 + n,
                        10_000 + 100 * n, tone, auth ? passwords.get(domain).password() : null,
                        auth ? List.of("sip:" + users.get(next) + "@" + next) : List.of()));
                System.out.println(aor + " registered over " + transport + " through the agent at " + agent.getAddress().getHostAddress() + ":" + agent.getPort()
                        + (auth ? ", authenticated: " + lab.agent(domain).authentication().orElseThrow() : ""));
                n++;
            }
            if (auth) {
                for (int i = 0; i < phones.size(); i++) {
                    String line = message(phones.get(i), phones.get((i + 1) % phones.size()));
                    System.out.println(line);
                    if (line.startsWith("FAIL")) failedMessages++;
                }
            }
            for (Baresip caller : phones) {
                for (Baresip callee : phones) {
                    if (caller == callee) continue;
                    String result = call(caller, callee);
                    System.out.println(result);
                    if (result.startsWith("FAIL")) failed++;
                }
            }
            if (auth) {
                for (String domain : domains) {
                    System.out.println("agent of " + domain + ": " + lab.agent(domain).authentication().orElseThrow());
                }
            }
        } finally {
            for (Baresip p : phones) p.close();
        }
        if (auth) System.out.printf("%d of 3 messages with authentication on passed%n", 3 - failedMessages);
        System.out.printf("%d of 6 calls over %s%s passed in %.1f s%n", 6 - failed, transport, auth ? " with authentication on" : "",
                (System.nanoTime() - started) / 1e9);
        System.exit(failed == 0 && failedMessages == 0 ? 0 : 1);
    }

    /** One MESSAGE from {@code from} to {@code to}, as a line: PASS when the receiving phone shows its text. */
    private static String message(Baresip from, Baresip to) throws IOException, InterruptedException {
        String text = "hello from " + from.aor.substring(4, from.aor.indexOf('@'));
        from.message(text);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (to.log().contains(text)) {
                return "PASS MESSAGE " + from.aor + " -> " + to.aor + ": received by the phone (sender challenged: "
                        + from.log().contains("SIP/2.0 407") + ")";
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return "FAIL MESSAGE " + from.aor + " -> " + to.aor + ": not shown within " + WAIT + "; sender's log:\n" + from.log();
    }

    /** One call from {@code caller} to {@code callee}, as a line: PASS or FAIL and what was seen. */
    private static String call(Baresip caller, Baresip callee) throws IOException, InterruptedException {
        String what = caller.aor + " -> " + callee.aor;
        try {
            caller.dial(callee.aor);
            callee.control().awaitInCall("CALL_INCOMING", WAIT);
            caller.control().awaitInCall("CALL_RINGING", WAIT); // the callee's 180 reached the caller
            callee.accept();
            callee.control().awaitInCall("CALL_ESTABLISHED", WAIT);
            caller.control().awaitInCall("CALL_ESTABLISHED", WAIT);
            TimeUnit.MILLISECONDS.sleep(TALK.toMillis()); // the call itself: three seconds of talk
            caller.hangup();
            caller.control().await("CALL_CLOSED", WAIT);
            BaresipControl.Event closed = callee.control().await("CALL_CLOSED", WAIT);
            // rtcpsummary prints when the call is torn down, just after the event
            long[] out = awaitStats(caller);
            long[] in = awaitStats(callee);
            String fromCallee = caller.lastMediaSource();
            String fromCaller = callee.lastMediaSource();
            boolean direct = inRange(fromCallee, callee) && inRange(fromCaller, caller);
            boolean enough = out[0] >= MIN_PACKETS && out[1] >= MIN_PACKETS && in[0] >= MIN_PACKETS && in[1] >= MIN_PACKETS;
            String line = what + ": rang, answered, RTP caller sent " + out[0] + " received " + out[1] + ", callee sent " + in[0]
                    + " received " + in[1] + "; media " + fromCaller + " <-> " + fromCallee
                    + (direct ? " (phone to phone)" : " (NOT between the phones' RTP ports)") + "; callee saw BYE: " + closed.param();
            return (direct && enough ? "PASS " : "FAIL ") + line;
        } catch (AssertionError e) {
            try {
                caller.hangup();
            } catch (IOException ignored) {
                // the phone is gone
            }
            return "FAIL " + what + ": " + e.getMessage();
        }
    }

    private static long[] awaitStats(Baresip phone) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String log = phone.log();
            if (log.lastIndexOf("packets:") > log.lastIndexOf("Call established")) return phone.lastCallPackets();
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError(phone.aor + ": no RTP statistics after the call");
    }

    private static boolean inRange(String hostPort, Baresip phone) {
        int port = Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1));
        return port >= phone.rtpLow && port <= phone.rtpHigh + 1;
    }

    /** A 440 Hz tone, 8 kHz mono 16-bit, {@code seconds} long. */
    static void writeTone(Path file, int seconds) throws IOException {
        int samples = 8000 * seconds;
        ByteBuffer pcm = ByteBuffer.allocate(2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) pcm.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, samples);
             java.io.OutputStream out = Files.newOutputStream(file)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        }
    }
}
