package org.interlay.router.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.Overlay;
import org.interlay.overlay.OverlayStats;
import org.interlay.overlay.Record;
import org.interlay.time.Clock;
import org.interlay.time.Scheduler;

/**
 * A test double of an overlay: one map in memory, the newest version of a record wins, expiry on a
 * clock the test moves by hand, futures completed on a thread of its own (as a node's scheduler
 * would), or on a scheduler the test gives it, whose time is then its clock. It can be made
 * unreachable, and it counts gets and puts.
 */
public final class InMemoryOverlay implements Overlay {
    private final String name;
    private final Map<Key, Record> records = new ConcurrentHashMap<>();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ExecutorService thread;
    private final Executor executor;
    private final Clock clock;
    private final AtomicInteger gets = new AtomicInteger();
    private final AtomicInteger puts = new AtomicInteger();
    private volatile boolean unreachable;

    /** An overlay on a thread of its own, with a clock moved by {@link #advanceMillis}. */
    public InMemoryOverlay(String name) {
        this.name = name;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "in-memory-overlay");
            t.setDaemon(true);
            return t;
        });
        this.executor = thread;
        this.clock = now::get;
    }

    /** An overlay whose futures complete on {@code scheduler}, in its time. */
    public InMemoryOverlay(String name, Scheduler scheduler) {
        this.name = name;
        this.thread = null;
        this.executor = scheduler::execute;
        this.clock = scheduler;
    }

    public void advanceMillis(long millis) {
        if (thread == null) throw new IllegalStateException("this overlay's time is its scheduler's");
        now.addAndGet(millis);
    }

    public void setUnreachable(boolean value) {
        unreachable = value;
    }

    public int gets() {
        return gets.get();
    }

    public int puts() {
        return puts.get();
    }

    /** The record held under the hash of {@code name}, live or not, for assertions. */
    public Optional<Record> held(String recordName) {
        return Optional.ofNullable(records.get(Key.hash(recordName)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String algorithm() {
        return "in-memory";
    }

    @Override
    public NodeRef self() {
        return new NodeRef(Key.hash(name), new Address(0x7F000001, 1));
    }

    @Override
    public CompletableFuture<Void> join(List<Address> bootstrap) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> leave() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> put(Record record) {
        puts.incrementAndGet();
        return later(() -> {
            records.merge(record.key(), record, (old, neu) -> neu.version() > old.version() ? neu : old);
            return null;
        });
    }

    @Override
    public CompletableFuture<Optional<Record>> get(Key key) {
        gets.incrementAndGet();
        return later(() -> Optional.ofNullable(records.get(key))
                .filter(r -> !r.isExpired(clock.nowMillis()) && !r.deleted()));
    }

    @Override
    public CompletableFuture<Void> remove(Key key) {
        return later(() -> {
            records.remove(key);
            return null;
        });
    }

    @Override
    public CompletableFuture<LookupResult> lookup(Key key) {
        return later(() -> new LookupResult(key, self(), List.of(self()), 0, 0, 0, 0));
    }

    @Override
    public OverlayStats stats() {
        return new OverlayStats(name, algorithm(), self(), records.size(), Map.of(), null, 0, 0);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void halt() {
        if (thread != null) thread.shutdownNow();
    }

    private <T> CompletableFuture<T> later(java.util.function.Supplier<T> action) {
        if (unreachable) {
            return CompletableFuture.supplyAsync(() -> {
                throw new java.util.concurrent.CompletionException(new TimeoutException("overlay unreachable"));
            }, executor);
        }
        return CompletableFuture.supplyAsync(action, executor);
    }
}
