package org.interlay.harness.interop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interlay.router.dns.DnsConfigException;
import org.interlay.router.dns.DnsUpdateTarget;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * BIND's named (Debian bind9) in the foreground, for a network namespace of its own: authoritative
 * for one zone that takes RFC 2136 updates signed with a TSIG key made by {@code tsig-keygen},
 * listening on 127.0.0.1:53, no recursion. Stopped (its files left for reading) when closed.
 */
public final class BindServer implements AutoCloseable {
    public static final String KEY_NAME = "interlay-update";
    private final Path dir;
    private final String zone;
    private final Process process;
    private final InetSocketAddress address;

    private BindServer(Path dir, String zone, Process process, InetSocketAddress address) {
        this.dir = dir;
        this.zone = zone;
        this.process = process;
        this.address = address;
    }

    /** Starts named for {@code zone} (e.g. "lab") in {@code dir}, and waits until it answers for the zone. */
    public static BindServer start(Path dir, String zone) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process keygen = new ProcessBuilder("tsig-keygen", "-a", "hmac-sha256", KEY_NAME)
                .redirectOutput(dir.resolve("key.conf").toFile()).start();
        if (!keygen.waitFor(10, TimeUnit.SECONDS) || keygen.exitValue() != 0) throw new IOException("tsig-keygen failed");
        Files.writeString(dir.resolve("named.conf"), String.join("\n", List.of(
                "options {",
                "  directory \"" + dir + "\";",
                "  listen-on port 53 { 127.0.0.1; };",
                "  listen-on-v6 { none; };",
                "  recursion no;",
                "  dnssec-validation no;",
                "  pid-file \"" + dir.resolve("named.pid") + "\";",
                "};",
                "include \"" + dir.resolve("key.conf") + "\";",
                "zone \"" + zone + "\" { type primary; file \"" + dir.resolve(zone + ".zone") + "\"; allow-update { key "
                        + KEY_NAME + "; }; };")) + "\n");
        Files.writeString(dir.resolve(zone + ".zone"), String.join("\n", List.of(
                "$TTL 30",
                "@ IN SOA ns." + zone + ". admin." + zone + ". 1 60 30 600 30",
                "@ IN NS ns." + zone + ".",
                "ns IN A 127.0.0.1")) + "\n");
        Process p = new ProcessBuilder("named", "-g", "-c", dir.resolve("named.conf").toString(), "-u", "root")
                .redirectErrorStream(true).redirectOutput(dir.resolve("named.log").toFile()).start();
        BindServer server = new BindServer(dir, zone, p, new InetSocketAddress(InetAddress.getLoopbackAddress(), 53));
        try {
            server.awaitAnswering(Name.fromString(zone, Name.root), Duration.ofSeconds(15));
            return server;
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    private void awaitAnswering(Name zoneName, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("named exited: " + Files.readString(dir.resolve("named.log")));
            try {
                if (query(zoneName, Type.SOA).getRcode() == Rcode.NOERROR) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IOException("named did not answer for " + zoneName + " within " + limit);
    }

    public InetSocketAddress address() {
        return address;
    }

    /** Where updates of the zone go, signed with the zone's key. */
    public DnsUpdateTarget updateTarget() throws IOException {
        try {
            return DnsUpdateTarget.of(address.getAddress().getHostAddress() + ":" + address.getPort(), zone, dir.resolve("key.conf"));
        } catch (DnsConfigException e) {
            throw new IOException("the key tsig-keygen wrote does not read: " + e.getMessage(), e);
        }
    }

    private Message query(Name name, int type) throws IOException {
        SimpleResolver resolver = new SimpleResolver(address);
        resolver.setTimeout(Duration.ofSeconds(2));
        return resolver.send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
    }

    /** The records named answers for {@code name} and {@code type}, as text, in its order (as {@code dig @127.0.0.1} shows them). */
    public List<String> answers(String name, int type) throws IOException {
        Message m = query(Name.fromString(name, Name.root), type);
        return m.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
