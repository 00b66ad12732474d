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
 * An advert whose TXT changes while JmDNS is still probing or announcing it (a node adds its SIP entry
 * point right after its first advert) still reaches the other host, with the new TXT; and a change once it is
 * announced is re-announced without a goodbye. Only mDNS runs, so the other host can have learnt it from
 * nothing else.
 */
@Tag("netns")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MdnsAdvertUpdateTest {

    private static final Duration RESOLVE = Duration.ofSeconds(20);

    private VirtualLan lan;
    private final List<ChildProcess> nodes = new ArrayList<>();

    @BeforeEach
    void makeLan() throws Exception {
        VirtualLan.assumeAvailable();
        lan = VirtualLan.create(2);
        nodes.add(DiscoveryNodes.start(lan, 1, "update-host1", null, "--no-group"));
    }

    @AfterEach
    void removeLan() {
        nodes.forEach(ChildProcess::close);
        if (lan != null) {
            lan.close();
        }
    }

    @Test
    void aTxtChangedDuringProbingAndAfterIsSeenWithoutTheServiceLeaving() throws Exception {
        ChildProcess advertiser = DiscoveryNodes.start(lan, 2, "update-host2",
                DiscoveryNodes.advert("kad", "kademlia", "n4000", lan.address(2)), "--no-group");
        nodes.add(advertiser);
        advertiser.awaitLine(line -> line.startsWith("STARTED "), RESOLVE, "the advertiser started");
        advertiser.send("advertise " + DiscoveryNodes.advert("kad", "kademlia", "n4000", lan.address(2)).replace(":5060", ":5070"));
        ChildProcess observer = nodes.get(0);
        observer.awaitLine(NodeLines.entryWithSources("kad", Set.of("MDNS")).and(line -> line.contains(" sip=10.77.0.2:5070")),
                RESOLVE, "kad with the TXT of its second advert");

        int from = observer.lineCount();
        advertiser.send("advertise " + DiscoveryNodes.advert("kad", "kademlia", "n4000", lan.address(2)).replace(":5060", ":5080"));
        observer.awaitLineAfter(from, line -> line.startsWith("CHANGED ") && line.contains(" sip=10.77.0.2:5080"), RESOLVE,
                "kad re-announced with its third TXT");
        observer.send("list");
        String list = observer.awaitLineAfter(from, line -> line.startsWith("LIST "), Duration.ofSeconds(5), "a LIST line");
        assertTrue(list.contains("kad[MDNS]"), list);
        assertTrue(observer.linesSince(0).stream().noneMatch(NodeLines.removed("kad")),
                "kad never left the other host's directory: " + observer.linesSince(0));
    }
}
