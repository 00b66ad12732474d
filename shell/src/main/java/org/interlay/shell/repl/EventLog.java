package org.interlay.shell.repl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every event the shell has seen, in order, from any thread; listeners are told of each as it comes
 * ({@code watch}, and printing incoming messages above the prompt). Expectations take the events they
 * match, so two {@code expect message} lines need two messages.
 */
public final class EventLog {
    private final List<ShellEvent> events = new ArrayList<>();
    private final List<Boolean> taken = new ArrayList<>();
    private final List<Consumer<ShellEvent>> listeners = new CopyOnWriteArrayList<>();

    public void add(ShellEvent e) {
        synchronized (this) {
            events.add(e);
            taken.add(false);
            notifyAll();
        }
        for (Consumer<ShellEvent> l : listeners) l.accept(e);
    }

    public Runnable listen(Consumer<ShellEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Takes the first event not taken yet that matches. */
    public synchronized <E extends ShellEvent> Optional<E> take(Class<E> type, Predicate<E> matches) {
        for (int i = 0; i < events.size(); i++) {
            if (!taken.get(i) && type.isInstance(events.get(i)) && matches.test(type.cast(events.get(i)))) {
                taken.set(i, true);
                return Optional.of(type.cast(events.get(i)));
            }
        }
        return Optional.empty();
    }

    /** Takes the first {@code count} events not taken yet that match, only if there are that many; true if it did. */
    public synchronized <E extends ShellEvent> boolean take(Class<E> type, Predicate<E> matches, int count) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < events.size() && found.size() < count; i++) {
            if (!taken.get(i) && type.isInstance(events.get(i)) && matches.test(type.cast(events.get(i)))) found.add(i);
        }
        if (found.size() < count) return false;
        found.forEach(i -> taken.set(i, true));
        return true;
    }

    /** How many events of the type match and are not taken yet. */
    public synchronized <E extends ShellEvent> int untaken(Class<E> type, Predicate<E> matches) {
        int n = 0;
        for (int i = 0; i < events.size(); i++) {
            if (!taken.get(i) && type.isInstance(events.get(i)) && matches.test(type.cast(events.get(i)))) n++;
        }
        return n;
    }

    /** The last event of the type that matches, taken or not. */
    public synchronized <E extends ShellEvent> Optional<E> last(Class<E> type, Predicate<E> matches) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (type.isInstance(events.get(i)) && matches.test(type.cast(events.get(i)))) return Optional.of(type.cast(events.get(i)));
        }
        return Optional.empty();
    }

    public synchronized <E extends ShellEvent> List<E> all(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The events from index {@code from} on, in the order they were added. */
    public synchronized List<ShellEvent> since(int from) {
        return List.copyOf(events.subList(Math.min(from, events.size()), events.size()));
    }

    /** How many events of the type match, taken or not. */
    public synchronized <E extends ShellEvent> int count(Class<E> type, Predicate<E> matches) {
        return (int) events.stream().filter(type::isInstance).map(type::cast).filter(matches).count();
    }

    /** Waits up to {@code within} until at least {@code n} events of the type match; true if they did. */
    public synchronized <E extends ShellEvent> boolean awaitCount(Class<E> type, Predicate<E> matches, int n, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (count(type, matches) < n) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) return false;
            wait(left);
        }
        return true;
    }

    /** Waits up to {@code millis} for a new event (or returns at once if one came since {@code seen}). */
    public synchronized void awaitMore(int seen, long millis) throws InterruptedException {
        if (events.size() > seen) return;
        wait(Math.max(1, millis));
    }

    public synchronized int size() {
        return events.size();
    }
}
