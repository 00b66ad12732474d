package org.interlay.discovery.netns;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad input on a one-host LAN (a namespace's loopback): an observer node's directory must keep
 * listing exactly the one real overlay while a neighbour publishes malformed or foreign services,
 * sprays garbage at the mDNS and group ports, or joins the group without being Interlay. Each is
 * dropped, counted and logged.
 */
@Tag("netns")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HostileNeighbourTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final String ONLY_THE_REAL_OVERLAY = "chord[JGROUPS+MDNS]";

    private static VirtualLan lan;
    private static ChildProcess advertiser;
    private static ChildProcess observer;

    @BeforeAll
    static void startRealNodes() throws IOException {
        VirtualLan.assumeAvailable();
        lan = VirtualLan.create(1);
        advertiser = DiscoveryNodes.start(lan, 1, "hostile-advertiser", DiscoveryNodes.advert("chord", "chord", "n1", lan.address(1)));
        observer = DiscoveryNodes.start(lan, 1, "hostile-observer", null);
        observer.awaitLine(NodeLines.entryWithSources("chord", Set.of("MDNS", "JGROUPS")), WITHIN, "chord from both sources");
    }

    @AfterAll
    static void stopAll() {
        for (ChildProcess child : new ChildProcess[] {observer, advertiser}) {
            if (child != null) {
                child.close();
            }
        }
        if (lan != null) {
            lan.close();
        }
    }

    @Test
    void malformedTxtRecordsAreDropped() throws Exception {
        try (ChildProcess hostile = hostile("malformed-txt")) {
            awaitStats(stats -> stats.get("mdns.MALFORMED_TXT") >= 2, "two malformed TXT records counted");
            awaitDirectoryUnharmed();
        }
        assertTrue(observer.logText().contains("Ignoring mDNS input"), "a log line says so");
    }

    @Test
    void foreignAndHalfServicesOfOurTypeAreDropped() throws Exception {
        try (ChildProcess hostile = hostile("foreign")) {
            awaitStats(stats -> stats.get("mdns.MISSING_KEY") >= 2 && stats.get("mdns.BAD_ALGORITHM") >= 1
                    && stats.get("mdns.UNSUPPORTED_VERSION") >= 1 && stats.get("mdns.BAD_HOST_PORT") >= 1,
                    "a foreign service, a half advert, a bad algorithm name, a future version and a bad port counted");
            awaitDirectoryUnharmed();
        }
    }

    @Test
    void garbageDatagramsToTheMdnsAndGroupPortsAreDropped() throws Exception {
        try (ChildProcess hostile = hostile("garbage")) {
            hostile.awaitExit(WITHIN);
        }
        advertiser.send("advertise " + DiscoveryNodes.advert("chord", "chord", "n1", lan.address(1)).replace(":5060", ":5070"));
        observer.awaitLine(line -> line.contains(" chord ") && line.contains("sip=127.0.0.1:5070")
                && NodeLines.entryWithSources("chord", Set.of("MDNS", "JGROUPS")).test(line), WITHIN,
                "the change made after the garbage, from both sources");
        awaitDirectoryUnharmed();
        String log = observer.logText();
        assertTrue(log.contains("DNSIncoming corrupted message"), "JmDNS logged the garbage it dropped");
        assertTrue(log.contains("packet is discarded"), "JGroups logged the garbage it dropped");
    }

    @Test
    void aGroupMemberThatIsNotInterlayIsIgnored() throws Exception {
        try (ChildProcess hostile = hostile("stranger")) {
            awaitStats(stats -> stats.get("group.MALFORMED_BEACON") >= 3 && stats.get("group.UNSUPPORTED_VERSION") >= 1,
                    "text, an object, an empty message and a beacon of an unknown version counted");
            awaitDirectoryUnharmed();
        }
        assertTrue(observer.logText().contains("Ignoring JGroups input"), "a log line says so");
    }

    private static ChildProcess hostile(String mode) throws IOException {
        ChildProcess hostile = ChildProcess.start(lan.inHost(1), "hostile-" + mode, HostileNeighbourMain.class,
                List.of(mode, lan.address(1)));
        hostile.awaitLine("DONE"::equals, WITHIN, "DONE from the hostile neighbour");
        return hostile;
    }

    private static void awaitStats(Predicate<Map<String, Long>> condition, String what) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        Map<String, Long> stats;
        do {
            int from = observer.lineCount();
            observer.send("stats");
            stats = NodeLines.stats(observer.awaitLineAfter(from, line -> line.startsWith("STATS "), WITHIN, "STATS"));
            if (condition.test(stats)) {
                return;
            }
        } while (System.nanoTime() < deadline && pause());
        throw new AssertionError("not within " + WITHIN + ": " + what + "; counts " + stats);
    }

    /** The observer lists exactly the real overlay, from both sources. */
    private static void awaitDirectoryUnharmed() {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        String listed;
        do {
            int from = observer.lineCount();
            observer.send("list");
            listed = observer.awaitLineAfter(from, line -> line.startsWith("LIST "), WITHIN, "LIST").split(" ", 3)[2];
            if (listed.equals(ONLY_THE_REAL_OVERLAY)) {
                return;
            }
        } while (System.nanoTime() < deadline && pause());
        throw new AssertionError("directory lists " + listed + ", expected " + ONLY_THE_REAL_OVERLAY);
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
