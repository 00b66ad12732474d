package org.interlay.router.dns;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.address.SipURI;
import org.interlay.overlay.sim.UdpCluster;
import org.interlay.router.PeerAgent;
import org.interlay.router.SipAgentConfig;
import org.interlay.router.bridge.RouterRoster;
import org.interlay.router.membership.InstalledAlgorithms;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.testing.NamedServer;
import org.interlay.router.testing.OverlayLab;
import org.interlay.router.ua.IncomingMessage;
import org.interlay.router.ua.SipOutcome;
import org.interlay.router.ua.UserAgent;
import org.interlay.router.ua.UserAgentConfig;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;

/**
 * Run inside a network namespace of its own ({@link Rfc3263Test}): a real named holds the records of
 * conventional domains; the locator finds their servers as RFC 3263 says, and a peer's agent sends a
 * MESSAGE for a domain no overlay serves to the server DNS names, passing over a first SRV target that
 * is down. Prints what it found; exits 0 when all held.
 */
public final class Rfc3263Main {
    private Rfc3263Main() {
    }

    public static void main(String[] args) throws Exception {
        int code = 1;
        UdpCluster cluster = null;
        PeerAgent agent = null;
        UserAgent alice = null;
        UserAgent carol = null;
        try (NamedServer named = NamedServer.start(Path.of(args[0]), "lab")) {
            carol = UserAgent.start(UserAgentConfig.of("sip:carol@cs.lab", new InetSocketAddress("127.0.0.1", 9)));
            BlockingQueue<IncomingMessage> toCarol = new LinkedBlockingQueue<>();
            carol.onMessage(toCarol::add);
            int live = carol.sipAddress().getPort();
            DnsUpdateClient zone = new DnsUpdateClient(new DnsUpdateTarget(named.address(), DnsUpdateTarget.zoneName("lab"),
                    TsigKeyFile.read(named.keyFile())));
            zone.add(List.of(
                    naptr("cs.lab", 10, 10, "SIP+D2U", "_sip._udp.cs.lab"),
                    naptr("cs.lab", 20, 10, "SIPS+D2T", "_sips._tcp.cs.lab"),
                    srv("_sip._udp.cs.lab", 10, 5090, "down.cs.lab"),
                    srv("_sip._udp.cs.lab", 20, live, "up.cs.lab"),
                    a("down.cs.lab", "127.0.0.1"), a("up.cs.lab", "127.0.0.1"),
                    naptr("tcponly.lab", 10, 10, "SIP+D2T", "_sip._tcp.tcponly.lab"),
                    srv("_sip._tcp.tcponly.lab", 10, 5070, "t.tcponly.lab"), a("t.tcponly.lab", "127.0.0.3"),
                    srv("_sip._udp.srvonly.lab", 10, 5080, "s.srvonly.lab"), a("s.srvonly.lab", "127.0.0.4"),
                    a("plain.lab", "127.0.0.7"))).get(10, TimeUnit.SECONDS);

            SipServerLocator locator = SipServerLocator.using(named.address(), new Random(1));
            check(locator, "sip:carol@cs.lab", "[udp 127.0.0.1:5090, udp 127.0.0.1:" + live + "]");
            check(locator, "sip:bob@tcponly.lab", "[tcp 127.0.0.3:5070]");
            check(locator, "sip:bob@srvonly.lab", "[udp 127.0.0.4:5080]");
            check(locator, "sip:bob@plain.lab", "[udp 127.0.0.7:5060]");
            check(locator, "sip:bob@plain.lab:5099;transport=tcp", "[tcp 127.0.0.7:5099]");
            check(locator, "sip:bob@10.1.2.3", "[udp 10.1.2.3:5060]");
            check(locator, "sip:bob@nowhere.lab", "[]");

            cluster = new UdpCluster(InstalledAlgorithms.named("chord"), OverlayLab.nodeConfig("chord"), 3);
            cluster.grow(1, Duration.ofSeconds(10));
            agent = PeerAgent.start(cluster.nodes().get(0), SipAgentConfig.defaults("chord.lab", 0), RouterRoster.UNKNOWN, locator);
            alice = UserAgent.start(UserAgentConfig.of("sip:alice@chord.lab", agent.sipAddress()));
            SipOutcome registered = alice.register(Duration.ofMinutes(5)).get(10, TimeUnit.SECONDS);
            if (!registered.isSuccess()) throw new AssertionError("alice could not register: " + registered);
            long sent = System.nanoTime();
            SipOutcome o = alice.sendMessage("sip:carol@cs.lab", "from the overlay to the conventional world").get(40, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - sent) / 1_000_000;
            IncomingMessage m = toCarol.poll(5, TimeUnit.SECONDS);
            if (o.status() != 200 || m == null) throw new AssertionError("MESSAGE to carol@cs.lab: " + o + ", received " + m);
            System.out.println("alice@chord.lab -> carol@cs.lab: " + o + " in " + ms + " ms, past the first SRV target (down) to the second; carol got: "
                    + m.text());
            SipOutcome unknown = alice.sendMessage("sip:bob@nowhere.lab", "nobody").get(20, TimeUnit.SECONDS);
            if (unknown.status() != 404) throw new AssertionError("a domain DNS does not know either: " + unknown);
            System.out.println("alice@chord.lab -> bob@nowhere.lab: " + unknown);
            System.out.println("PASS");
            code = 0;
        } catch (Throwable e) {
            System.out.println("FAIL: " + e);
            e.printStackTrace(System.out);
        } finally {
            if (alice != null) alice.close();
            if (carol != null) carol.close();
            if (agent != null) agent.close();
            if (cluster != null) cluster.close();
        }
        System.exit(code);
    }

    private static void check(SipServerLocator locator, String uri, String expected) throws Exception {
        List<ServerTarget> found = locator.locate((SipURI) SipFactories.get().addresses().createURI(uri)).get(10, TimeUnit.SECONDS);
        System.out.println(uri + " -> " + found);
        if (!found.toString().equals(expected)) throw new AssertionError(uri + ": expected " + expected + ", found " + found);
    }

    private static Name name(String n) throws Exception {
        return Name.fromString(n, Name.root);
    }

    private static Record naptr(String owner, int order, int preference, String service, String replacement) throws Exception {
        return new NAPTRRecord(name(owner), DClass.IN, 30, order, preference, "s", service, "", name(replacement));
    }

    private static Record srv(String owner, int priority, int port, String target) throws Exception {
        return new SRVRecord(name(owner), DClass.IN, 30, priority, 50, port, name(target));
    }

    private static Record a(String owner, String ip) throws Exception {
        return new ARecord(name(owner), DClass.IN, 30, java.net.InetAddress.getByName(ip));
    }
}
