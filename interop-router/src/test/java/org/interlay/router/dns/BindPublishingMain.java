package org.interlay.router.dns;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.interlay.discovery.Algorithm;
import org.interlay.discovery.Departure;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.NodeRole;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.Source;
import org.interlay.router.testing.NamedServer;
import org.interlay.time.EventLoop;
import org.xbill.DNS.Type;

/**
 * Run inside a network namespace of its own ({@link BindPublishingTest}): a real named takes the
 * updates of two entry points of chord.lab; one dies and discovery sees it go, so the survivor
 * removes its records; the survivor leaves and withdraws its own; an update signed with a key the
 * zone does not know is refused. Prints what named answers at each step; exits 0 when all held.
 */
public final class BindPublishingMain {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private BindPublishingMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int code = 1;
        try (NamedServer named = NamedServer.start(dir.resolve("named"), "lab"); EventLoop loop = new EventLoop("dns-test")) {
            DnsUpdateTarget target = new DnsUpdateTarget(named.address(), DnsUpdateTarget.zoneName("lab"), TsigKeyFile.read(named.keyFile()));
            SipEntryPoint a = new SipEntryPoint("chord.lab", "udp", new InetSocketAddress("127.0.0.11", 5060));
            SipEntryPoint b = new SipEntryPoint("chord.lab", "udp", new InetSocketAddress("127.0.0.12", 5062));
            EntryPointPublisher first = new EntryPointPublisher(new DnsUpdateClient(target), List.of(a), loop);
            EntryPointPublisher second = new EntryPointPublisher(new DnsUpdateClient(target), List.of(b), loop);
            first.start();
            second.start();
            await(() -> srv(named).size() == 2, "both entry points in the SRV set");
            System.out.println("both up: _sip._udp.chord.lab SRV " + srv(named) + "; " + b.hostName() + " A "
                    + named.answers(b.hostName().toString(), Type.A));

            OverlayDirectory directory = new OverlayDirectory();
            directory.addListener(new DeadEntryPointSweeper(Set.of("chord.lab"), List.of("udp"), first::removeDead));
            OverlayAdvert advertB = OverlayAdvert.of("chord", Algorithm.named("chord"), "chord.lab",
                    List.of(new HostPort("127.0.0.12", 4000)), List.of(new HostPort("127.0.0.12", 5062)), NodeRole.PEER, "n4000");
            directory.found(advertB, Source.MDNS);
            long killed = System.nanoTime();
            directory.expired(advertB.key(), Source.MDNS, Departure.FAILED); // the second dies without a word
            await(() -> srv(named).size() == 1, "the dead entry point's SRV removed by the survivor");
            check(named.answers(b.hostName().toString(), Type.A).isEmpty(), "the dead entry point's A record removed");
            System.out.printf("second gone (seen by discovery): SRV %s after %d ms%n", srv(named), (System.nanoTime() - killed) / 1_000_000);

            first.withdraw().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            check(srv(named).isEmpty(), "the SRV set empty once the last entry point left");
            System.out.println("last one left: SRV " + srv(named));

            Path wrongKey = dir.resolve("wrong.conf");
            Files.writeString(wrongKey, "key \"" + NamedServer.KEY_NAME + "\" { algorithm hmac-sha256; secret \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"; };\n");
            DnsUpdateClient stranger = new DnsUpdateClient(new DnsUpdateTarget(named.address(), DnsUpdateTarget.zoneName("lab"),
                    TsigKeyFile.read(wrongKey)));
            try {
                stranger.add(a.records(30)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                check(false, "an update with the wrong key refused");
            } catch (java.util.concurrent.ExecutionException e) {
                System.out.println("wrong key refused: " + e.getCause().getMessage());
            }
            check(srv(named).isEmpty(), "nothing added with the wrong key");
            System.out.println("PASS at " + Instant.now());
            code = 0;
        } catch (Throwable e) {
            System.out.println("FAIL: " + e);
            e.printStackTrace(System.out);
        }
        System.exit(code);
    }

    private static List<String> srv(NamedServer named) {
        try {
            return named.answers("_sip._udp.chord.lab", Type.SRV);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) throw new AssertionError("did not hold: " + what);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + WAIT + ": " + what);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
