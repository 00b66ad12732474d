package org.interlay.harness.interop;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.sim.UdpCluster;
import org.interlay.router.PeerAgent;
import org.interlay.router.SipAgentConfig;
import org.interlay.router.bridge.RouterRoster;
import org.interlay.router.dns.DnsPublishing;
import org.interlay.router.dns.DnsUpdateClient;
import org.interlay.router.dns.DnsUpdateTarget;
import org.interlay.router.dns.SipServerLocator;
import org.interlay.router.membership.InstalledAlgorithms;
import org.interlay.router.ua.Call;
import org.interlay.router.ua.IncomingMessage;
import org.interlay.router.ua.SipOutcome;
import org.interlay.router.ua.UserAgent;
import org.interlay.router.ua.UserAgentConfig;
import org.interlay.time.EventLoop;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

/**
 * Run inside network and mount namespaces of its own, with /etc/resolv.conf naming 127.0.0.1
 * ({@link KamailioInteropTest}): a real named serves the zone lab; a real Kamailio is the registrar
 * and proxy of the conventional domain cs.lab, found by its SRV record; one peer's agent of each of
 * chord.lab, pastry.lab and kad.lab publishes itself in the zone as the agents do with
 * {@code --dns-update}. carol@cs.lab, registered at Kamailio, exchanges a MESSAGE and an INVITE
 * dialog both ways with alice@chord.lab, dave@pastry.lab and bob@kad.lab: Kamailio finds each overlay
 * through DNS, the agents find cs.lab by RFC 3263. Then Kamailio stops, and a MESSAGE to carol gets
 * 503 from the agent. Prints each path (the Via headers as they arrived); exits 0 when all held.
 */
public final class KamailioInteropMain {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private record Overlay(String user, String domain, String algorithm) {}

    private KamailioInteropMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int code = 1;
        List<AutoCloseable> open = new ArrayList<>();
        try (BindServer named = BindServer.start(dir.resolve("named"), "lab");
             KamailioServer kamailio = KamailioServer.start(dir.resolve("kamailio"), "cs.lab", 5060);
             EventLoop loop = new EventLoop("interop-dns")) {
            DnsUpdateTarget zone = named.updateTarget();
            new DnsUpdateClient(zone).add(List.of(
                    new SRVRecord(name("_sip._udp.cs.lab"), DClass.IN, 30, 10, 50, kamailio.address().getPort(), name("sip.cs.lab")),
                    new ARecord(name("sip.cs.lab"), DClass.IN, 30, InetAddress.getByName("127.0.0.1")))).get(10, TimeUnit.SECONDS);
            SipServerLocator locator = SipServerLocator.using(named.address(), new Random(1));
            UserAgent last = null;

            UserAgent carol = UserAgent.start(UserAgentConfig.of("sip:carol@cs.lab", kamailio.address()));
            open.add(carol);
            BlockingQueue<IncomingMessage> toCarol = new LinkedBlockingQueue<>();
            carol.onMessage(toCarol::add);
            BlockingQueue<Call> carolsCalls = new LinkedBlockingQueue<>();
            carol.onCall(carolsCalls::add);
            expect(200, carol.register(Duration.ofMinutes(5)).get(10, TimeUnit.SECONDS), "carol registers at Kamailio");
            System.out.println("carol@cs.lab registered at Kamailio " + kamailio.address());

            for (Overlay o : List.of(new Overlay("alice", "chord.lab", "chord"), new Overlay("dave", "pastry.lab", "pastry"),
                    new Overlay("bob", "kad.lab", "kademlia"))) {
                UdpCluster cluster = new UdpCluster(InstalledAlgorithms.named(o.algorithm()), NodeConfig.defaults(o.algorithm()).withPeriods(2_000, 500), 3);
                open.add(cluster);
                cluster.grow(1, Duration.ofSeconds(10));
                PeerAgent agent = PeerAgent.start(cluster.nodes().get(0), SipAgentConfig.defaults(o.domain(), 0), RouterRoster.UNKNOWN, locator);
                open.add(agent);
                DnsPublishing published = DnsPublishing.start(zone, List.of(o.domain()), List.of("udp"), agent.sipAddress(),
                        new OverlayDirectory(), loop);
                open.add(published);
                await(published::published, o.domain() + " published");
                System.out.println("_sip._udp." + o.domain() + " SRV " + named.answers("_sip._udp." + o.domain(), Type.SRV));

                String aor = "sip:" + o.user() + "@" + o.domain();
                UserAgent user = UserAgent.start(UserAgentConfig.of(aor, agent.sipAddress()));
                open.add(user);
                BlockingQueue<IncomingMessage> toUser = new LinkedBlockingQueue<>();
                user.onMessage(toUser::add);
                BlockingQueue<Call> usersCalls = new LinkedBlockingQueue<>();
                user.onCall(usersCalls::add);
                expect(200, user.register(Duration.ofMinutes(5)).get(10, TimeUnit.SECONDS), o.user() + " registers at the agent");

                expect(200, carol.sendMessage(aor, "hello " + o.user()).get(20, TimeUnit.SECONDS), "MESSAGE carol -> " + o.user());
                printPath("MESSAGE sip:carol@cs.lab -> " + aor, received(toUser, "carol's MESSAGE"));
                expect(200, user.sendMessage("sip:carol@cs.lab", "hello carol").get(20, TimeUnit.SECONDS), "MESSAGE " + o.user() + " -> carol");
                printPath("MESSAGE " + aor + " -> sip:carol@cs.lab", received(toCarol, o.user() + "'s MESSAGE"));

                dialog(carol, user, carolsCalls, usersCalls, aor, "sip:carol@cs.lab -> " + aor);
                dialog(user, carol, usersCalls, carolsCalls, "sip:carol@cs.lab", aor + " -> sip:carol@cs.lab");
                last = user;
            }
            kamailio.close();
            SipOutcome noServer = last.sendMessage("sip:carol@cs.lab", "is anyone there").get(60, TimeUnit.SECONDS);
            if (noServer.status() != 503) throw new AssertionError("MESSAGE to cs.lab with Kamailio stopped: " + noServer);
            System.out.println("Kamailio stopped: MESSAGE to sip:carol@cs.lab answered " + noServer);
            System.out.println("PASS");
            code = 0;
        } catch (Throwable e) {
            System.out.println("FAIL: " + e);
            e.printStackTrace(System.out);
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                try {
                    open.get(i).close();
                } catch (Exception e) {
                    System.out.println("closing: " + e);
                }
            }
        }
        System.exit(code);
    }

    /** An INVITE dialog from {@code caller} to {@code callee}: rings, answered, established on both sides, hung up by the caller. */
    private static void dialog(UserAgent caller, UserAgent callee, BlockingQueue<Call> callerEvents, BlockingQueue<Call> calleeEvents,
                               String to, String what) throws Exception {
        callerEvents.clear();
        calleeEvents.clear();
        Call out = caller.call(to);
        // the listener reports every change of every call: a late change of the previous call (its end)
        // may come after the clear, so wait for this dialog's incoming call, ringing
        Call ringing = null;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (ringing == null && System.nanoTime() < deadline) {
            Call c = calleeEvents.poll(100, TimeUnit.MILLISECONDS);
            if (c != null && c.direction() == Call.Direction.INCOMING && c.state() == Call.State.RINGING) ringing = c;
        }
        if (ringing == null) throw new AssertionError("INVITE " + what + " did not arrive: " + out);
        Call in = ringing;
        callee.answer(in);
        await(() -> out.state() == Call.State.ESTABLISHED && in.state() == Call.State.ESTABLISHED, "call " + what + " established: " + out);
        printPath("INVITE " + what, in.path());
        SipOutcome bye = caller.hangup(out).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        expect(200, bye, "BYE " + what);
        await(() -> in.state() == Call.State.ENDED, "callee saw the BYE " + what);
        System.out.println("  BYE " + what + ": " + bye + "; callee: " + in);
    }

    private static IncomingMessage received(BlockingQueue<IncomingMessage> queue, String what) throws InterruptedException {
        IncomingMessage m = queue.poll(5, TimeUnit.SECONDS);
        if (m == null) throw new AssertionError(what + " did not arrive");
        return m;
    }

    private static void printPath(String what, IncomingMessage m) {
        printPath(what + " (\"" + m.text() + "\")", m.path());
    }

    private static void printPath(String what, List<String> path) {
        System.out.println(what + ", arrived through:");
        for (String via : path) System.out.println("    Via: " + via);
    }

    private static void expect(int status, SipOutcome outcome, String what) {
        if (outcome.status() != status) throw new AssertionError(what + ": " + outcome);
    }

    private static Name name(String n) throws Exception {
        return Name.fromString(n, Name.root);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + WAIT + ": " + what);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
