package org.interlay.router.dns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Record;

/**
 * Keeps one process's SIP entry points in DNS: adds their SRV and A records when started, adds them
 * again every {@link #REFRESH} (so records a survivor removed in error, or a server that lost them,
 * come back), retries a failed update with a doubling delay up to {@link #MAX_RETRY}, and deletes
 * them when closed. Records of other entry points that discovery saw die are deleted on request
 * ({@link #removeDead}). Every entry point updates only records of its own host name, so several
 * processes update the same SRV set at once without fighting: RFC 2136 adds and deletes single
 * records atomically. Failures are logged when the state changes, never once per attempt.
 */
public final class EntryPointPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EntryPointPublisher.class);
    /** The records' TTL: how long a resolver may keep an entry point that has gone. */
    public static final long TTL_SECONDS = 30;
    public static final Duration REFRESH = Duration.ofSeconds(60);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final DnsUpdates updates;
    private final List<SipEntryPoint> own;
    private final Scheduler timers;
    private Timer next;
    private boolean failing;
    private boolean published;
    private boolean closed;
    private long retryMillis = FIRST_RETRY.toMillis();

    public EntryPointPublisher(DnsUpdates updates, List<SipEntryPoint> own, Scheduler timers) {
        if (own.isEmpty()) throw new IllegalArgumentException("nothing to publish");
        this.updates = updates;
        this.own = List.copyOf(own);
        this.timers = timers;
    }

    /** Publishes now, and keeps publishing until closed. */
    public void start() {
        timers.execute(this::publish);
    }

    /** Whether the last update of this process's records succeeded. */
    public synchronized boolean published() {
        return published;
    }

    public List<SipEntryPoint> entryPoints() {
        return own;
    }

    private void publish() {
        synchronized (this) {
            if (closed) return;
        }
        updates.add(records(own)).whenComplete((ok, error) -> timers.execute(() -> published(error)));
    }

    private synchronized void published(Throwable error) {
        if (closed) return;
        if (error == null) {
            if (!published || failing) log.info("{}: published in DNS ({})", describe(), updates);
            failing = false;
            published = true;
            retryMillis = FIRST_RETRY.toMillis();
            next = timers.schedule(REFRESH.toMillis(), this::publish);
        } else {
            if (!failing) log.warn("{}: DNS update failed, retrying every {} s at most: {}", describe(), MAX_RETRY.toSeconds(), cause(error));
            failing = true;
            published = false;
            next = timers.schedule(retryMillis, this::publish);
            retryMillis = Math.min(2 * retryMillis, MAX_RETRY.toMillis());
        }
    }

    /**
     * Deletes the records of an entry point that discovery saw go; this process's own entry points
     * are never deleted this way (it is alive).
     */
    public CompletableFuture<Void> removeDead(List<SipEntryPoint> dead) {
        List<SipEntryPoint> others = new ArrayList<>(dead);
        others.removeAll(own);
        if (others.isEmpty()) return CompletableFuture.completedFuture(null);
        return updates.delete(records(others)).whenComplete((ok, error) -> {
            if (error == null) {
                log.info("removed from DNS: {}", others);
            } else {
                log.warn("could not remove {} from DNS: {}", others, cause(error));
            }
        });
    }

    /** Stops refreshing and deletes this process's records; the future says when the server answered. */
    public CompletableFuture<Void> withdraw() {
        synchronized (this) {
            if (closed) return CompletableFuture.completedFuture(null);
            closed = true;
            if (next != null) next.cancel();
        }
        return updates.delete(records(own));
    }

    /** Stops refreshing, deleting nothing (a process that crashed). */
    public synchronized void halt() {
        closed = true;
        if (next != null) next.cancel();
    }

    @Override
    public void close() {
        withdraw();
    }

    private String describe() {
        return own.size() == 1 ? own.get(0).toString() : own.size() + " SIP entry points (" + own.get(0) + ", ...)";
    }

    private static List<Record> records(List<SipEntryPoint> entryPoints) {
        List<Record> all = new ArrayList<>();
        for (SipEntryPoint e : entryPoints) all.addAll(e.records(TTL_SECONDS));
        return all;
    }

    private static String cause(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
