package org.interlay.discovery.jgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.interlay.discovery.Adverts;
import org.interlay.discovery.Await;
import org.interlay.discovery.DiscoveryException;
import org.interlay.discovery.InvalidAdvertException;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.OverlayEntry;
import org.interlay.discovery.Source;
import org.jgroups.BytesMessage;
import org.jgroups.EmptyMessage;
import org.jgroups.JChannel;
import org.jgroups.ObjectMessage;
import org.jgroups.protocols.DISCARD;
import org.jgroups.protocols.TP;
import org.jgroups.stack.ProtocolStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The group adapter on JGroups' shared loopback: real stacks in one JVM, no sockets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JGroupsDiscovererTest {

    static final String SHARED_LOOPBACK_STACK = "org/interlay/discovery/jgroups/shared-loopback-stack.xml";
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final AtomicInteger CLUSTERS = new AtomicInteger();

    private final String cluster = "discovery-test-" + CLUSTERS.incrementAndGet();
    private final List<AutoCloseable> started = new ArrayList<>();

    private JGroupsConfig config() {
        return JGroupsConfig.loopback().withStack(SHARED_LOOPBACK_STACK).withCluster(cluster)
                .withBeaconInterval(Duration.ofMillis(300));
    }

    private JGroupsDiscoverer member(org.interlay.discovery.DiscoveryListener listener) throws DiscoveryException {
        JGroupsDiscoverer member = new JGroupsDiscoverer(config());
        member.start(listener);
        started.add(0, member);
        return member;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : started) {
            closeable.close();
        }
    }

    private static List<String> names(OverlayDirectory directory) {
        return directory.overlays().stream().map(OverlayEntry::name).toList();
    }

    @Test
    void membersLearnEachOthersAdvertsWhoeverJoinsFirst() throws DiscoveryException {
        OverlayDirectory first = new OverlayDirectory();
        OverlayDirectory second = new OverlayDirectory();
        member(first).advertise(Adverts.chord("n1"));
        member(second).advertise(Adverts.peer("kad", Adverts.KADEMLIA, "n2", "10.0.0.2:4000", ""));
        Await.until(WITHIN, () -> names(first).equals(List.of("chord", "kad")) && names(second).equals(List.of("chord", "kad")),
                () -> names(first) + " / " + names(second));
        assertEquals(Set.of(Source.JGROUPS), second.overlay("chord").orElseThrow().sources());
    }

    @Test
    void changesAndWithdrawalsReachTheOtherMembers() throws DiscoveryException {
        RecordingDiscoveryListener seen = new RecordingDiscoveryListener();
        JGroupsDiscoverer advertiser = member(new OverlayDirectory());
        member(seen);
        advertiser.advertise(Adverts.chord("n1"));
        Await.until(WITHIN, () -> seen.saw("found chord@n1"), () -> seen.events().toString());
        advertiser.advertise(Adverts.peer("chord", Adverts.CHORD, "n1", "10.0.0.1:4000", "10.0.0.1:5070"));
        Await.until(WITHIN, () -> seen.saw("changed chord@n1"), () -> seen.events().toString());
        advertiser.withdraw(Adverts.chord("n1").key());
        Await.until(WITHIN, () -> seen.saw("expired chord@n1 LEFT"), () -> seen.events().toString());
        assertEquals(List.of("found chord@n1", "changed chord@n1", "expired chord@n1 LEFT"), seen.events());
    }

    @Test
    void aMemberThatLeavesIsGoneFromTheOthersAtOnce() throws DiscoveryException {
        RecordingDiscoveryListener seen = new RecordingDiscoveryListener();
        JGroupsDiscoverer leaving = member(new OverlayDirectory());
        member(seen);
        leaving.advertise(Adverts.chord("n1"));
        Await.until(WITHIN, () -> seen.saw("found chord@n1"), () -> seen.events().toString());
        leaving.close();
        Await.until(WITHIN, () -> seen.saw("expired chord@n1 LEFT"), () -> seen.events().toString());
        assertFalse(seen.saw("expired chord@n1 FAILED"), "a clean leave is not a crash");
    }

    @Test
    void aMemberThatFallsSilentIsDroppedAsFailed() throws Exception {
        RecordingDiscoveryListener seen = new RecordingDiscoveryListener();
        JGroupsDiscoverer crashing = member(new OverlayDirectory());
        member(seen);
        crashing.advertise(Adverts.chord("n1"));
        Await.until(WITHIN, () -> seen.saw("found chord@n1"), () -> seen.events().toString());
        JChannel channel = crashing.channel();
        channel.getProtocolStack().insertProtocol(new DISCARD().discardAll(true), ProtocolStack.Position.ABOVE, TP.class);
        Await.until(WITHIN, () -> seen.saw("expired chord@n1 FAILED"), () -> seen.events().toString());
    }

    @Test
    void aMemberThatIsNotInterlayIsIgnoredAndCounted() throws Exception {
        OverlayDirectory directory = new OverlayDirectory();
        JGroupsDiscoverer observer = member(directory);
        member(new OverlayDirectory()).advertise(Adverts.chord("n1"));

        JChannel stranger = new JChannel(GroupStack.load(config()));
        started.add(0, stranger);
        stranger.connect(cluster);
        stranger.send(new BytesMessage(null, "hello, is this the chat group?".getBytes()));
        stranger.send(new ObjectMessage(null, List.of("not", "a", "beacon")));
        stranger.send(new EmptyMessage(null));
        byte[] badBeacon = BeaconCodec.encode(Beacon.serving(List.of(Adverts.chord("n9"))));
        stranger.send(new BytesMessage(null, new String(badBeacon, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("v=1", "v=7").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));

        Await.until(WITHIN, () -> observer.rejected().count() >= 4, () -> "rejected " + observer.rejected().count());
        assertEquals(1, observer.rejected().count(InvalidAdvertException.Problem.UNSUPPORTED_VERSION));
        Await.until(WITHIN, () -> names(directory).equals(List.of("chord")), () -> names(directory).toString());
        assertEquals(List.of("n1"), directory.overlay("chord").orElseThrow().nodes());
    }

    @Test
    void membersAgreeOnTheLiveAdvertsInViewOrderAndDropALeaversAtOnce() throws DiscoveryException {
        JGroupsDiscoverer r1 = member(new OverlayDirectory());
        JGroupsDiscoverer r2 = member(new OverlayDirectory());
        List<List<OverlayAdvert>> seenByR2 = new CopyOnWriteArrayList<>();
        r2.onLiveAdvertsChange(seenByR2::add);
        for (String router : List.of("r1", "r2")) {
            JGroupsDiscoverer member = router.equals("r1") ? r1 : r2;
            member.advertise(Adverts.router("chord", Adverts.CHORD, router, "10.0.0.1:4000"));
            member.advertise(Adverts.router("kad", Adverts.KADEMLIA, router, "10.0.0.1:4001"));
        }
        Await.until(WITHIN, () -> r1.liveAdverts().size() == 4 && r1.liveAdverts().equals(r2.liveAdverts()),
                () -> r1.liveAdverts() + " / " + r2.liveAdverts());
        assertEquals(List.of("r1", "r1", "r2", "r2"), nodeIds(r2.liveAdverts()), "the first member of the view comes first");
        r1.close();
        Await.until(WITHIN, () -> nodeIds(r2.liveAdverts()).equals(List.of("r2", "r2")), () -> r2.liveAdverts().toString());
        Await.until(WITHIN, () -> !seenByR2.isEmpty() && seenByR2.get(seenByR2.size() - 1).equals(r2.liveAdverts()),
                seenByR2::toString);
    }

    private static List<String> nodeIds(List<OverlayAdvert> adverts) {
        return adverts.stream().map(OverlayAdvert::nodeId).toList();
    }
}
