package org.interlay.router.baresip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One baresip phone (Debian's baresip 1.0) for tests: registered as {@code aor} through a peer's
 * agent as outbound proxy, ringing on a call until told to answer, sending an 8 kHz tone from a WAV file (aufile)
 * as PCMU, and printing RTP statistics at the end of each call (rtcpsummary). Its SIP port, control
 * port and RTP port range are fixed by the test, which runs it inside a network namespace of its own.
 */
final class Baresip implements AutoCloseable {
    private static final Pattern PACKETS = Pattern.compile("packets:\\s+(\\d+)\\s+(\\d+)");
    private static final Pattern REGISTERED = Pattern.compile("\\{0/(UDP|TCP)/v4\\} 200 OK");
    private static final Pattern RECEIVING = Pattern.compile("incoming rtp for 'audio' established, receiving from ([0-9.]+):(\\d+)");

    final String aor;
    final int rtpLow;
    final int rtpHigh;
    private final Path log;
    private final Process process;
    private final BaresipControl control;

    private Baresip(String aor, int rtpLow, int rtpHigh, Path log, Process process, BaresipControl control) {
        this.aor = aor;
        this.rtpLow = rtpLow;
        this.rtpHigh = rtpHigh;
        this.log = log;
        this.process = process;
        this.control = control;
    }

    /**
     * Starts a phone for {@code aor} (sip:alice@chord.lab) listening on 127.0.0.1:{@code sipPort} with
     * {@code transport} (udp or tcp), registering through {@code proxy}, and waits for its REGISTER's 200.
     */
    static Baresip start(Path dir, String aor, String transport, InetSocketAddress proxy, int sipPort, int ctrlPort, int rtpLow,
                         Path tone) throws IOException, InterruptedException {
        return start(dir, aor, transport, proxy, sipPort, ctrlPort, rtpLow, tone, null, List.of());
    }

    /**
     * As {@link #start(Path, String, String, InetSocketAddress, int, int, int, Path)}, answering digest
     * challenges with {@code password} (the account's {@code auth_pass}) when given, and knowing
     * {@code contacts} (the contact module), the first of which {@link #message} writes to; then its log
     * holds its SIP trace.
     */
    static Baresip start(Path dir, String aor, String transport, InetSocketAddress proxy, int sipPort, int ctrlPort, int rtpLow,
                         Path tone, String password, List<String> contacts) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String> contactModule = contacts.isEmpty() ? List.of() : List.of("module_app contact.so");
        if (!contacts.isEmpty()) {
            Files.writeString(dir.resolve("contacts"), String.join("\n", contacts.stream().map(c -> "<" + c + ">").toList()) + "\n");
        }
        int rtpHigh = rtpLow + 19;
        Files.writeString(dir.resolve("config"), String.join("\n", List.of(
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + sipPort,
                "sip_trans_def " + transport,
                "call_local_timeout 120",
                "call_max_calls 4",
                "audio_player aufile,/dev/null",
                "audio_source aufile," + tone,
                "audio_alert aufile,/dev/null",
                "audio_level no",
                "rtp_ports " + rtpLow + "-" + rtpHigh,
                "rtcp_mux no",
                "jitter_buffer_delay 5-10",
                "rtp_stats yes",
                "net_interface 127.0.0.1",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module aufile.so",
                "module rtcpsummary.so",
                "module_app account.so",
                "module_app menu.so",
                "module_app ctrl_tcp.so",
                String.join("\n", contactModule),
                "ctrl_tcp_listen 127.0.0.1:" + ctrlPort)) + "\n");
        String outbound = "sip:" + proxy.getAddress().getHostAddress() + ":" + proxy.getPort() + ";transport=" + transport;
        Files.writeString(dir.resolve("accounts"), "<" + aor + ";transport=" + transport + ">;outbound=\"" + outbound
                + "\";regint=600;answermode=manual;audio_codecs=PCMU" + (password == null ? "" : ";auth_pass=" + password) + "\n");
        Path log = dir.resolve("baresip.log");
        // with contacts it messages: its SIP trace (-s) shows the MESSAGEs it receives, which nothing else prints
        List<String> command = contacts.isEmpty() ? List.of("baresip", "-f", dir.toString())
                : List.of("baresip", "-s", "-f", dir.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        BaresipControl control;
        try {
            control = BaresipControl.connect(new InetSocketAddress("127.0.0.1", ctrlPort), Duration.ofSeconds(10));
            Baresip phone = new Baresip(aor, rtpLow, rtpHigh, log, p, control);
            phone.awaitRegistered(Duration.ofSeconds(10));
            return phone;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /**
     * Waits for the REGISTER's 200: the REGISTER_OK event, or, when baresip registered before the
     * control connection was up (the event then went to no one), the line its log keeps of it.
     */
    private void awaitRegistered(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            BaresipControl.Event e = control.poll(Duration.ofMillis(100));
            if (e != null && e.type().equals("REGISTER_OK")) return;
            if (e != null && e.type().equals("REGISTER_FAIL")) throw new AssertionError(aor + ": REGISTER failed: " + e.param());
            if (REGISTERED.matcher(log()).find()) return;
        }
        throw new AssertionError(aor + ": not registered within " + limit + ":\n" + log());
    }

    BaresipControl control() {
        return control;
    }

    void dial(String uri) throws IOException {
        control.command("dial", uri);
    }

    /** Answers the call that rings. */
    void accept() throws IOException {
        control.command("accept", "");
    }

    /** Sends {@code text} in a MESSAGE to the first of its contacts. */
    void message(String text) throws IOException {
        control.command("contact_next", "");
        control.command("message", text);
    }

    void hangup() throws IOException {
        control.command("hangup", "");
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** {transmitted, received} RTP packets of the last call that ended, as rtcpsummary printed them. */
    long[] lastCallPackets() throws IOException {
        Matcher m = PACKETS.matcher(log());
        long[] last = null;
        while (m.find()) last = new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
        if (last == null) throw new AssertionError(aor + ": no RTP statistics in baresip's log");
        return last;
    }

    /** The RTP source of the last call's incoming audio, as baresip saw it (host:port). */
    String lastMediaSource() throws IOException {
        Matcher m = RECEIVING.matcher(log());
        String last = null;
        while (m.find()) last = m.group(1) + ":" + m.group(2);
        if (last == null) throw new AssertionError(aor + ": no incoming RTP seen in baresip's log");
        return last;
    }

    @Override
    public void close() throws IOException {
        try {
            control.command("quit", "");
            if (!process.waitFor(3, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            process.destroyForcibly();
        } finally {
            control.close();
        }
    }
}
