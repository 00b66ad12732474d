package org.interlay.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.interlay.time.VirtualScheduler;
import org.interlay.time.WallClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OverlayDirectoryTest {

    private final VirtualScheduler time = new VirtualScheduler();
    private final WallClock clock = new WallClock(time, Instant.parse("2026-01-01T00:00:00Z"));
    private final OverlayDirectory directory = new OverlayDirectory(clock, Map.of(Source.JGROUPS, Duration.ofSeconds(15)));
    private final RecordingDirectoryListener listener = new RecordingDirectoryListener();

    @BeforeEach
    void listen() {
        directory.addListener(listener);
    }

    @Test
    void theFirstSourcePutsAnOverlayInAndLaterOnesJoinIt() {
        directory.found(Adverts.chord("n1"), Source.JGROUPS);
        OverlayEntry entry = directory.overlay("chord").orElseThrow();
        assertEquals(Adverts.CHORD, entry.algorithm());
        assertEquals("chord.lab", entry.sipDomain());
        assertEquals(Set.of(Source.JGROUPS), entry.sources());
        assertEquals(clock.instant(), entry.lastSeen());

        time.runFor(700);
        directory.found(Adverts.chord("n1"), Source.MDNS);
        assertEquals(Set.of(Source.JGROUPS, Source.MDNS), directory.overlay("chord").orElseThrow().sources());
        assertEquals(clock.instant(), directory.overlay("chord").orElseThrow().lastSeen());
        assertEquals(List.of("added chord", "changed chord"), listener.events());
    }

    @Test
    void mergesTheNodesOfOneOverlay() {
        directory.found(Adverts.peer("kad", Adverts.KADEMLIA, "n2", "10.0.0.2:4000", "10.0.0.2:5060"), Source.MDNS);
        directory.found(Adverts.peer("kad", Adverts.KADEMLIA, "n1", "10.0.0.1:4000", ""), Source.JGROUPS);
        directory.found(Adverts.router("kad", Adverts.KADEMLIA, "r9", "10.0.0.9:4000"), Source.JGROUPS);
        OverlayEntry kad = directory.overlay("kad").orElseThrow();
        assertEquals(List.of("n1", "n2", "r9"), kad.nodes());
        assertEquals(List.of("r9"), kad.routers());
        assertEquals(List.of(Adverts.at("10.0.0.1:4000"), Adverts.at("10.0.0.2:4000"), Adverts.at("10.0.0.9:4000")),
                kad.bootstrapPeers());
        assertEquals(List.of(Adverts.at("10.0.0.2:5060")), kad.sipEntryPoints());
        assertEquals(kad, directory.overlayServing("KAD.lab").orElseThrow());
    }

    @Test
    void aNodeChangingItsAdvertChangesTheEntry() {
        directory.found(Adverts.chord("n1"), Source.JGROUPS);
        directory.changed(Adverts.peer("chord", Adverts.CHORD, "n1", "10.0.0.1:4000", "10.0.0.1:5070"), Source.JGROUPS);
        assertEquals(List.of(Adverts.at("10.0.0.1:5070")), directory.overlay("chord").orElseThrow().sipEntryPoints());
        assertEquals(List.of("added chord", "changed chord"), listener.events());
    }

    @Test
    void anAdvertContradictingOtherNodesIsRejected() {
        directory.found(Adverts.chord("n1"), Source.MDNS);
        directory.found(Adverts.peer("chord", Adverts.PASTRY, "n2", "10.0.0.2:4000", ""), Source.MDNS);
        OverlayEntry chord = directory.overlay("chord").orElseThrow();
        assertEquals(Adverts.CHORD, chord.algorithm());
        assertEquals(List.of("n1"), chord.nodes());
        assertEquals(1, directory.conflictsRejected());
    }

    @Test
    void aSourceLosingSightEndsOnlyItsOwnSighting() {
        directory.found(Adverts.chord("n1"), Source.JGROUPS);
        directory.found(Adverts.chord("n1"), Source.MDNS);
        directory.expired(new AdvertKey("chord", "n1"), Source.MDNS, Departure.WITHDRAWN);
        assertEquals(Set.of(Source.JGROUPS), directory.overlay("chord").orElseThrow().sources());
        directory.expired(new AdvertKey("chord", "n1"), Source.JGROUPS, Departure.NOT_REFRESHED);
        assertTrue(directory.overlays().isEmpty());
        assertEquals(List.of("added chord", "changed chord", "changed chord", "removed chord"), listener.events());
    }

    @Test
    void aGroupDepartureEndsEveryLiveSightingButNotStaticEntries() {
        directory.found(Adverts.chord("n1"), Source.JGROUPS);
        directory.found(Adverts.chord("n1"), Source.MDNS);
        directory.found(Adverts.chord("n1"), Source.STATIC);
        directory.found(Adverts.chord("n2"), Source.MDNS);
        directory.expired(new AdvertKey("chord", "n1"), Source.JGROUPS, Departure.FAILED);
        OverlayEntry chord = directory.overlay("chord").orElseThrow();
        assertEquals(List.of("n1", "n2"), chord.nodes());
        assertEquals(Set.of(Source.STATIC, Source.MDNS), chord.sources());
        directory.expired(new AdvertKey("chord", "n2"), Source.JGROUPS, Departure.LEFT);
        assertEquals(List.of("n1"), directory.overlay("chord").orElseThrow().nodes());
    }

    @Test
    void sightingsNotRefreshedWithinTheirSourcesMaxAgeExpire() {
        directory.found(Adverts.chord("n1"), Source.JGROUPS);
        directory.found(Adverts.peer("kad", Adverts.KADEMLIA, "n2", "10.0.0.2:4000", ""), Source.JGROUPS);
        directory.found(Adverts.peer("pastry", Adverts.PASTRY, "n3", "10.0.0.3:4000", ""), Source.MDNS);
        time.runFor(10_000);
        directory.refreshed(new AdvertKey("kad", "n2"), Source.JGROUPS);
        assertEquals(0, directory.expireStale());
        time.runFor(6_000);
        assertEquals(1, directory.expireStale());
        assertEquals(List.of("kad", "pastry"), directory.overlays().stream().map(OverlayEntry::name).toList(),
                "kad was refreshed; mDNS has no maximum age here");
        assertTrue(listener.events().contains("removed chord"));
    }

    @Test
    void aNewListenerIsToldWhatIsAlreadyKnown() {
        directory.found(Adverts.chord("n1"), Source.STATIC);
        RecordingDirectoryListener late = new RecordingDirectoryListener();
        directory.addListener(late);
        assertEquals(List.of("added chord"), late.events());
    }

    @Test
    void aListenerMayReadTheDirectoryAndAFailingListenerStopsNoOne() {
        List<Integer> sizesSeen = new ArrayList<>();
        directory.addListener(new DirectoryListener() {
            @Override
            public void added(OverlayEntry entry) {
                sizesSeen.add(directory.overlays().size());
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void changed(OverlayEntry before, OverlayEntry after) {
            }

            @Override
            public void removed(OverlayEntry entry) {
            }
        });
        directory.found(Adverts.chord("n1"), Source.MDNS);
        directory.found(Adverts.peer("kad", Adverts.KADEMLIA, "n2", "10.0.0.2:4000", ""), Source.MDNS);
        assertEquals(List.of(1, 2), sizesSeen);
        assertEquals(List.of("added chord", "added kad"), listener.events());
    }

    @Test
    void concurrentSourcesLeaveAConsistentDirectoryAndOrderedEvents() throws InterruptedException {
        int threads = 4;
        int nodesPerThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            Source source = Source.values()[t % 2];
            int thread = t;
            pool.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int n = 0; n < nodesPerThread; n++) {
                    String node = "t" + thread + "n" + n;
                    directory.found(Adverts.chord(node), source);
                    if (n % 2 == 0) {
                        directory.expired(new AdvertKey("chord", node), source, Departure.WITHDRAWN);
                    }
                }
            });
        }
        go.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        OverlayEntry chord = directory.overlay("chord").orElseThrow();
        assertEquals(threads * nodesPerThread / 2, chord.nodes().size());
        assertEquals("added chord", listener.events().get(0));
        assertEquals(1, listener.events().stream().filter(e -> e.startsWith("added")).count()
                - listener.events().stream().filter(e -> e.startsWith("removed")).count(),
                "adds and removes alternate, ending with the overlay present");
        assertEquals(chord.nodes(), listener.lastEntry().nodes(), "the last event tells the final state");
    }
}
