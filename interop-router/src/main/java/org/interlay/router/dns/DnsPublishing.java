package org.interlay.router.dns;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.time.Scheduler;

/**
 * One process's part in keeping its overlays' SIP entry points in DNS: its own entry points
 * published while it runs ({@link EntryPointPublisher}), and the entry points of its domains that
 * discovery sees die removed ({@link DeadEntryPointSweeper}). A peer's agent publishes itself for its
 * domain; a router for each domain it serves.
 */
public final class DnsPublishing implements AutoCloseable {
    /** How long closing waits for the server to confirm the withdrawal; a process that leaves does not wait longer. */
    static final long WITHDRAW_WAIT_MILLIS = 1_500;

    private final OverlayDirectory directory;
    private final DeadEntryPointSweeper sweeper;
    private final EntryPointPublisher publisher;

    private DnsPublishing(OverlayDirectory directory, DeadEntryPointSweeper sweeper, EntryPointPublisher publisher) {
        this.directory = directory;
        this.sweeper = sweeper;
        this.publisher = publisher;
    }

    /**
     * Publishes {@code sip} as the entry point of each of {@code domains} for each of {@code transports}
     * in {@code target}'s zone, and removes those of the same domains that leave {@code directory}.
     */
    public static DnsPublishing start(DnsUpdateTarget target, List<String> domains, List<String> transports, InetSocketAddress sip,
                                      OverlayDirectory directory, Scheduler timers) {
        return start(new DnsUpdateClient(target), domains, transports, sip, directory, timers);
    }

    static DnsPublishing start(DnsUpdates updates, List<String> domains, List<String> transports, InetSocketAddress sip,
                               OverlayDirectory directory, Scheduler timers) {
        List<SipEntryPoint> own = new ArrayList<>();
        for (String d : domains) {
            for (String t : transports) own.add(new SipEntryPoint(d, t, sip));
        }
        EntryPointPublisher publisher = new EntryPointPublisher(updates, own, timers);
        Set<String> served = new LinkedHashSet<>(domains);
        DeadEntryPointSweeper sweeper = new DeadEntryPointSweeper(served, transports, publisher::removeDead);
        directory.addListener(sweeper);
        publisher.start();
        return new DnsPublishing(directory, sweeper, publisher);
    }

    public boolean published() {
        return publisher.published();
    }

    public List<SipEntryPoint> entryPoints() {
        return publisher.entryPoints();
    }

    /** Stops publishing and watching without a word to the server, as a crash would: the survivors remove the records. */
    public void halt() {
        directory.removeListener(sweeper);
        publisher.halt();
    }

    /** Stops watching and withdraws this process's records, waiting at most {@link #WITHDRAW_WAIT_MILLIS} for the server. */
    @Override
    public void close() {
        directory.removeListener(sweeper);
        try {
            publisher.withdraw().get(WITHDRAW_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // the survivors remove them once discovery sees this process gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
