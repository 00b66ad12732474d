package org.interlay.router.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.interlay.time.VirtualScheduler;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Record;

/** The publisher's own timing on virtual time, against a zone kept in memory that can be told to refuse. */
class EntryPointPublisherTest {
    /** A zone's records in memory; while {@code refusing}, every update fails as a server's REFUSED would. */
    static final class MemoryZone implements DnsUpdates {
        final Set<String> records = new HashSet<>();
        final List<String> log = new ArrayList<>();
        boolean refusing;

        @Override
        public CompletableFuture<Void> add(List<Record> rs) {
            log.add("add " + rs.size());
            if (refusing) return CompletableFuture.failedFuture(new DnsUpdateException("REFUSED"));
            rs.forEach(r -> records.add(r.toString()));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> delete(List<Record> rs) {
            log.add("delete " + rs.size());
            if (refusing) return CompletableFuture.failedFuture(new DnsUpdateException("REFUSED"));
            rs.forEach(r -> records.remove(r.toString()));
            return CompletableFuture.completedFuture(null);
        }
    }

    private static final SipEntryPoint UDP = new SipEntryPoint("chord.lab", "udp", new InetSocketAddress("10.77.0.1", 5060));
    private static final SipEntryPoint TCP = new SipEntryPoint("chord.lab", "tcp", new InetSocketAddress("10.77.0.1", 5060));
    private static final SipEntryPoint OTHER = new SipEntryPoint("chord.lab", "udp", new InetSocketAddress("10.77.0.2", 5060));

    @Test
    void publishesAtOnceRefreshesAndWithdrawsOnClose() {
        VirtualScheduler time = new VirtualScheduler();
        MemoryZone zone = new MemoryZone();
        EntryPointPublisher p = new EntryPointPublisher(zone, List.of(UDP, TCP), time);
        p.start();
        time.runFor(10);
        assertTrue(p.published());
        assertEquals(Set.of(UDP.srv(30).toString(), UDP.a(30).toString(), TCP.srv(30).toString()), zone.records,
                "SRV for each transport, one A record for the entry point's own host name");
        zone.records.clear(); // lost by the server, or removed by a survivor in error
        time.runFor(EntryPointPublisher.REFRESH.toMillis());
        assertEquals(3, zone.records.size(), "back after a refresh");
        p.close();
        assertTrue(zone.records.isEmpty());
        int updates = zone.log.size();
        time.runFor(10 * EntryPointPublisher.REFRESH.toMillis());
        assertEquals(updates, zone.log.size(), "nothing more once closed");
    }

    @Test
    void aRefusingServerIsRetriedWithADoublingDelayUpToTheCap() {
        VirtualScheduler time = new VirtualScheduler();
        MemoryZone zone = new MemoryZone();
        zone.refusing = true;
        EntryPointPublisher p = new EntryPointPublisher(zone, List.of(UDP), time);
        p.start();
        time.runFor(10 * 60_000);
        assertFalse(p.published());
        // 1+2+4+8+16 s, then every 30 s: 5 + (600 - 31) / 30 = 5 + 18 retries, plus the first try
        assertTrue(zone.log.size() >= 20 && zone.log.size() <= 26, "attempts in 10 minutes: " + zone.log.size());
        zone.refusing = false;
        time.runFor(30_000);
        assertTrue(p.published());
        assertEquals(2, zone.records.size());
    }

    @Test
    void theDeadOfOthersAreRemovedButNeverTheLivingSelf() {
        VirtualScheduler time = new VirtualScheduler();
        MemoryZone zone = new MemoryZone();
        EntryPointPublisher p = new EntryPointPublisher(zone, List.of(UDP), time);
        p.start();
        time.runFor(10);
        OTHER.records(30).forEach(r -> zone.records.add(r.toString()));
        p.removeDead(List.of(OTHER, UDP)).join();
        assertEquals(Set.of(UDP.srv(30).toString(), UDP.a(30).toString()), zone.records);
    }
}
