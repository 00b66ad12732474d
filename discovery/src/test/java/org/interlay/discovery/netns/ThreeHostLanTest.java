package org.interlay.discovery.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three hosts on one bridged segment (network namespaces, 10.77.0.1-3), each running a node that
 * advertises a different overlay over mDNS and the group. Every host's directory must list all
 * three, learnt from both sources; then a clean leave and a killed process must be noticed.
 */
@Tag("netns")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ThreeHostLanTest {

    private static final List<String> OVERLAYS = List.of("chord", "pastry", "kad");
    private static final List<String> ALGORITHMS = List.of("chord", "pastry", "kademlia");
    private static final Duration RESOLVE = Duration.ofSeconds(25);

    private VirtualLan lan;
    private final List<ChildProcess> nodes = new ArrayList<>();

    @BeforeEach
    void makeLan() throws Exception {
        VirtualLan.assumeAvailable();
        lan = VirtualLan.create(3);
        for (int n = 1; n <= 3; n++) {
            String overlay = OVERLAYS.get(n - 1);
            nodes.add(DiscoveryNodes.start(lan, n, "lan3-host" + n, DiscoveryNodes.advert(overlay, ALGORITHMS.get(n - 1),
                    "node" + n, lan.address(n)), "--beacon-ms", "1000"));
        }
    }

    @AfterEach
    void removeLan() {
        nodes.forEach(ChildProcess::close);
        if (lan != null) {
            lan.close();
        }
    }

    @Test
    void eachHostListsTheOtherTwoOverlaysFromMdnsAndTheGroup() {
        for (ChildProcess node : nodes) {
            for (String overlay : OVERLAYS) {
                node.awaitLine(NodeLines.entryWithSources(overlay, Set.of("MDNS", "JGROUPS")), RESOLVE,
                        overlay + " from both sources");
            }
        }
        for (int n = 1; n <= 3; n++) {
            ChildProcess node = nodes.get(n - 1);
            int from = node.lineCount();
            node.send("list");
            String list = node.awaitLineAfter(from, line -> line.startsWith("LIST "), Duration.ofSeconds(5), "a LIST line");
            assertEquals("chord[JGROUPS+MDNS] kad[JGROUPS+MDNS] pastry[JGROUPS+MDNS]", list.split(" ", 3)[2], "host " + n);
            String pastryLine = node.awaitLine(NodeLines.added("pastry"), Duration.ZERO, "pastry");
            assertEquals("10.77.0.2:5060", NodeLines.field(pastryLine, "sip"), "the TXT travelled with it");
        }
    }

    @Test
    void aCleanLeaveAndAKilledProcessAreNoticedByTheOthers() {
        for (ChildProcess node : nodes.subList(0, 2)) {
            node.awaitLine(NodeLines.entryWithSources("kad", Set.of("JGROUPS")), RESOLVE, "kad");
            node.awaitLine(NodeLines.entryWithSources("pastry", Set.of("JGROUPS")), RESOLVE, "pastry");
        }
        nodes.get(2).kill();
        nodes.get(0).awaitLine(NodeLines.removed("kad"), Duration.ofSeconds(10), "kad removed after its node was killed");
        nodes.get(1).awaitLine(NodeLines.removed("kad"), Duration.ofSeconds(10), "kad removed after its node was killed");

        nodes.get(1).send("close");
        nodes.get(0).awaitLine(NodeLines.removed("pastry"), Duration.ofSeconds(5), "pastry removed after its node left");
    }
}
