package org.interlay.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.jgroups.JGroupsConfig;
import org.interlay.discovery.jgroups.JGroupsDiscoverer;
import org.interlay.router.bridge.BridgeAssignment;
import org.interlay.router.bridge.DomainPair;
import org.interlay.router.bridge.GroupBridgeCoordinator;
import org.interlay.router.testing.Eventually;
import org.interlay.router.testing.OverlayLab;
import org.interlay.router.testing.OverlayLab.LabDomain;
import org.interlay.router.testing.RawPhone;
import org.interlay.router.testing.SipText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What happens to an established call across overlays when the router it went through dies: the
 * phones' media never went through it, so only signalling is at stake. The caller's requests pass
 * through its agent first, which finds the router dead and sends them through the standby that took
 * the bridge over; the callee's requests go to the dead router directly (its first Route) and get no
 * answer, so the callee's phone times them out itself.
 */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CallRouterFailoverTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
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
    void whenTheRouterOfACallDiesTheCallersByeGoesThroughTheStandby() throws Exception {
        String cluster = "call-routers-" + System.nanoTime();
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

        try (RawPhone carol = RawPhone.open("carol", "pastry.lab"); RawPhone bob = RawPhone.open("bob", "kad.lab")) {
            bob.register(lab.agent("kad.lab").sipAddress(), 300, WAIT);
            RawPhone.Dialog call = carol.invite(bob.aor(), lab.agent("pastry.lab").sipAddress());
            SipText invite = bob.awaitRequest("INVITE", WAIT);
            RawPhone.Dialog answered = bob.answer(invite, 200, "OK");
            carol.awaitResponse(call, 200, WAIT);
            carol.ack(call);
            bob.awaitRequest("ACK", WAIT);
            assertTrue(String.join(",", answered.routeSet()).contains(":" + active.sipAddress().getPort() + ";"),
                    "the call went through the active router: " + answered.routeSet());

            active.halt();
            bob.request(answered, "INFO");
            assertFalse(bob.receivesResponse(answered, 200, Duration.ofSeconds(2)),
                    "the callee's first hop is the dead router: nothing answers");

            carol.request(call, "BYE");
            SipText bye = bob.awaitRequest("BYE", Duration.ofSeconds(15));
            assertTrue(bye.headers("Via").stream().anyMatch(v -> v.contains(":" + standby.sipAddress().getPort())),
                    "the BYE came through the standby: " + bye.headers("Via"));
            bob.respond(bye, 200, "OK");
            assertEquals(200, carol.awaitFinal(call, "BYE", WAIT).status());
        }
    }
}
