package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.jgroups.JGroupsConfig;
import org.interlay.discovery.jgroups.JGroupsDiscoverer;
import org.interlay.router.bridge.BridgeAssignment;
import org.interlay.router.bridge.DomainPair;
import org.interlay.router.bridge.GroupBridgeCoordinator;
import org.interlay.router.testing.Eventually;
import org.interlay.router.testing.OverlayLab.LabDomain;
import org.interlay.router.testing.OverlayLab;
import org.interlay.router.ua.SipOutcome;
import org.interlay.router.ua.UserAgent;
import org.interlay.router.ua.UserAgentConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two routers agree through the discovery group which of them bridges pastry.lab and kad.lab; the
 * active one is stopped abruptly in the middle of a stream of MESSAGEs, the standby takes the pair
 * over, and every MESSAGE still gets its 200 (the peers' agents retry through the new bridge).
 */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RouterFailoverTest {
    private static final DomainPair PAIR = new DomainPair("pastry.lab", "kad.lab");
    private OverlayLab lab;
    private final List<JGroupsDiscoverer> groups = new ArrayList<>();
    private final List<OverlayDirectory> directories = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        lab = OverlayLab.start(List.of(new LabDomain("pastry.lab", "pastry"), new LabDomain("kad.lab", "kademlia")), 3,
                AgentPolicies.STANDARD);
    }

    @AfterEach
    void stop() {
        lab.close();
        groups.forEach(JGroupsDiscoverer::close);
    }

    private GroupBridgeCoordinator coordinator(String cluster) throws Exception {
        JGroupsConfig config = new JGroupsConfig("jgroups/routers-in-one-jvm.xml", InetAddress.getLoopbackAddress(),
                JGroupsConfig.DEFAULT_MULTICAST_PORT, cluster, Duration.ofMillis(200));
        JGroupsDiscoverer group = new JGroupsDiscoverer(config);
        OverlayDirectory directory = new OverlayDirectory();
        group.start(directory);
        groups.add(group);
        directories.add(directory);
        return new GroupBridgeCoordinator(group, group);
    }

    @Test
    void standbyTakesOverAndNoMessageIsLost() throws Exception {
        String cluster = "routers-" + System.nanoTime();
        Router r1 = lab.startRouter("r1", coordinator(cluster));
        Router r2 = lab.startRouter("r2", coordinator(cluster));
        Eventually.await(() -> directories.stream().allMatch(d -> d.overlays().size() == 2
                        && d.overlays().stream().allMatch(o -> o.routers().equals(List.of("r1", "r2"))))
                        && BridgeAssignment.assign(groups.get(0).liveAdverts())
                                .equals(BridgeAssignment.assign(groups.get(1).liveAdverts()))
                        && r1.bridgedPairs().size() + r2.bridgedPairs().size() == 1,
                Duration.ofSeconds(10), "both routers known to both, and exactly one bridging the pair");
        Router active = r1.bridgedPairs().contains(PAIR) ? r1 : r2;
        Router standby = active == r1 ? r2 : r1;
        lab.awaitBridge("pastry.lab", "kad.lab", active.routerId(), Duration.ofSeconds(30));
        lab.awaitBridge("kad.lab", "pastry.lab", active.routerId(), Duration.ofSeconds(30));

        try (UserAgent carol = UserAgent.start(UserAgentConfig.of("sip:carol@pastry.lab", lab.agent("pastry.lab").sipAddress()));
             UserAgent bob = UserAgent.start(UserAgentConfig.of("sip:bob@kad.lab", lab.agent("kad.lab").sipAddress()))) {
            Set<String> received = ConcurrentHashMap.newKeySet();
            bob.onMessage(m -> received.add(m.text()));
            assertTrue(bob.register(Duration.ofSeconds(300)).get(5, TimeUnit.SECONDS).isSuccess());
            assertTrue(carol.register(Duration.ofSeconds(300)).get(5, TimeUnit.SECONDS).isSuccess());

            List<CompletableFuture<SipOutcome>> sent = new ArrayList<>();
            int total = 60;
            for (int i = 0; i < total; i++) {
                if (i == 20) active.halt();
                sent.add(carol.sendMessage("sip:bob@kad.lab", "m" + i));
                TimeUnit.MILLISECONDS.sleep(50); // the pace of the stream, not a wait for anything
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<SipOutcome> f : sent) statuses.add(f.get(40, TimeUnit.SECONDS).status());
            assertEquals(java.util.Collections.nCopies(total, 200), statuses, "every MESSAGE answered 200 (not 202: bob never went offline)");
            // bob's agent hands a MESSAGE to its listener on a thread of its own, which may come after its 200 reached carol
            Eventually.await(() -> received.size() == total, Duration.ofSeconds(5), "every MESSAGE delivered once at least");
            assertEquals(Set.of(PAIR), standby.bridgedPairs());
            lab.awaitBridge("pastry.lab", "kad.lab", standby.routerId(), Duration.ofSeconds(5));
        }
    }
}
