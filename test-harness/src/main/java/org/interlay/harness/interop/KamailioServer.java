package org.interlay.harness.interop;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kamailio (Debian kamailio) in the foreground as the registrar and proxy of one conventional domain,
 * for tests that run inside network and mount namespaces of their own: users of the domain register
 * with it; requests for them are sent to where they registered; requests for any other domain are
 * relayed to the Request-URI, which Kamailio resolves through /etc/resolv.conf (SRV, then A), so the
 * test bind-mounts a resolv.conf naming its own named. Dialogs it takes part in are record-routed.
 * Without a presence database it refuses PUBLISH and SUBSCRIBE for its own users (501). Stopped (its
 * log left for reading) when closed.
 */
public final class KamailioServer implements AutoCloseable {
    public static final String MODULES = "/usr/lib/x86_64-linux-gnu/kamailio/modules/";
    private final Path dir;
    private final Process process;
    private final InetSocketAddress address;

    private KamailioServer(Path dir, Process process, InetSocketAddress address) {
        this.dir = dir;
        this.process = process;
        this.address = address;
    }

    /** Starts Kamailio for {@code domain} on 127.0.0.1:{@code port} (UDP and TCP), and waits until it answers OPTIONS. */
    public static KamailioServer start(Path dir, String domain, int port) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("run"));
        Path cfg = dir.resolve("kamailio.cfg");
        Files.writeString(cfg, config(domain, port));
        Process p = new ProcessBuilder("kamailio", "-f", cfg.toString(), "-DD", "-E", "-Y", dir.resolve("run").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("kamailio.log").toFile()).start();
        KamailioServer server = new KamailioServer(dir, p, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        try {
            server.awaitAnswering(domain, Duration.ofSeconds(15));
            return server;
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    public static String config(String domain, int port) {
        return String.join("\n", List.of(
                "#!KAMAILIO",
                "debug=2",
                "log_stderror=yes",
                "children=2",
                "tcp_children=2",
                "auto_aliases=no",
                "listen=udp:127.0.0.1:" + port,
                "listen=tcp:127.0.0.1:" + port,
                "alias=\"" + domain + "\"",
                "dns_try_naptr=no",
                "use_dns_cache=off",
                "mpath=\"" + MODULES + "\"",
                "loadmodule \"tm.so\"",
                "loadmodule \"sl.so\"",
                "loadmodule \"rr.so\"",
                "loadmodule \"pv.so\"",
                "loadmodule \"maxfwd.so\"",
                "loadmodule \"usrloc.so\"",
                "loadmodule \"registrar.so\"",
                "loadmodule \"siputils.so\"",
                "loadmodule \"textops.so\"",
                "loadmodule \"xlog.so\"",
                "modparam(\"usrloc\", \"db_mode\", 0)",
                "modparam(\"rr\", \"append_fromtag\", 1)",
                "request_route {",
                "  if (!mf_process_maxfwd_header(\"10\")) { sl_send_reply(\"483\", \"Too Many Hops\"); exit; }",
                "  xlog(\"L_INFO\", \"request $rm $ru from $si:$sp\\n\");",
                "  if (has_totag()) {",
                "    if (loose_route()) { t_relay(); exit; }",
                "    if (is_method(\"ACK\")) { if (t_check_trans()) { t_relay(); } exit; }",
                "    sl_send_reply(\"404\", \"Not Here\"); exit;",
                "  }",
                "  if (is_method(\"CANCEL\")) { if (t_check_trans()) { t_relay(); } exit; }",
                "  remove_hf(\"Route\");", // a preloaded Route to this proxy (the user agent's outbound proxy), as Kamailio's stock configuration does
                "  if (is_method(\"INVITE|SUBSCRIBE\")) { record_route(); }",
                "  if (uri == myself) {",
                "    if (is_method(\"OPTIONS\") && $rU == $null) { sl_send_reply(\"200\", \"OK\"); exit; }",
                "    if (is_method(\"REGISTER\")) { save(\"location\"); exit; }",
                "    if (is_method(\"PUBLISH|SUBSCRIBE\")) { sl_send_reply(\"501\", \"No Presence Server\"); exit; }",
                "    if (!lookup(\"location\")) { sl_send_reply(\"404\", \"Not Found\"); exit; }",
                "  }",
                "  if (!t_relay()) { sl_reply_error(); }",
                "  exit;",
                "}",
                "onreply_route {",
                "  xlog(\"L_INFO\", \"reply $rs to $rm from $si:$sp\\n\");",
                "}")) + "\n";
    }

    private void awaitAnswering(String domain, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(200);
            int n = 0;
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) throw new IOException("kamailio exited: " + log());
                byte[] options = options(domain, socket.getLocalPort(), ++n);
                socket.send(new DatagramPacket(options, options.length, address));
                byte[] buf = new byte[4096];
                DatagramPacket in = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(in);
                    if (new String(buf, 0, in.getLength(), StandardCharsets.UTF_8).startsWith("SIP/2.0 200")) return;
                } catch (SocketTimeoutException notYet) {
                    // not listening yet
                }
            }
        }
        throw new IOException("kamailio did not answer OPTIONS within " + limit + ": " + log());
    }

    private static byte[] options(String domain, int localPort, int n) {
        String branch = "z9hG4bK-probe-" + n;
        return ("OPTIONS sip:" + domain + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@" + domain + ">;tag=probe\r\n"
                + "To: <sip:" + domain + ">\r\n"
                + "Call-ID: probe-" + n + "@127.0.0.1\r\n"
                + "CSeq: " + n + " OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    public InetSocketAddress address() {
        return address;
    }

    /** What Kamailio logged so far. */
    public String log() {
        try {
            return Files.readString(dir.resolve("kamailio.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
