package org.interlay.discovery.netns;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A node that closes its discovery and exits at once still says goodbye over mDNS: with the group
 * off, the other host drops the overlay long before its records' TTL (minutes) could lapse, so it
 * can only have learnt of the leave from the goodbye. Closing does not wait for JmDNS's repeats.
 */
@Tag("netns")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MdnsGoodbyeTest {

    private VirtualLan lan;
    private final List<ChildProcess> nodes = new ArrayList<>();

    @BeforeEach
    void makeLan() throws Exception {
        VirtualLan.assumeAvailable();
        lan = VirtualLan.create(2);
        nodes.add(DiscoveryNodes.start(lan, 1, "bye-host1", null, "--no-group"));
        nodes.add(DiscoveryNodes.start(lan, 2, "bye-host2", DiscoveryNodes.advert("pastry", "pastry", "node2",
                lan.address(2)), "--no-group"));
    }

    @AfterEach
    void removeLan() {
        nodes.forEach(ChildProcess::close);
        if (lan != null) {
            lan.close();
        }
    }

    @Test
    void aNodeThatClosesAndExitsAtOnceIsDroppedByItsGoodbye() throws InterruptedException {
        nodes.get(0).awaitLine(NodeLines.entryWithSources("pastry", Set.of("MDNS")), Duration.ofSeconds(25), "pastry over mDNS");
        nodes.get(1).send("close");
        nodes.get(1).awaitLine(line -> line.startsWith("CLOSED "), Duration.ofSeconds(10), "the node closed");
        assertTrue(nodes.get(1).awaitExit(Duration.ofSeconds(10)), "the node exits once closed");
        nodes.get(0).awaitLine(NodeLines.removed("pastry"), Duration.ofSeconds(10), "pastry dropped on its goodbye");
    }
}
