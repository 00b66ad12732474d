package org.interlay.discovery;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued notifications one at a time, in queue order, on whichever calling thread finds
 * none running. No thread of its own: a caller enqueues under its own lock, then drains after
 * releasing it.
 */
final class SerialDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(SerialDispatcher.class);

    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock running = new ReentrantLock();

    void enqueue(Runnable notification) {
        pending.add(notification);
    }

    /** Runs queued notifications until none is left, unless another thread is already doing so. */
    void drain() {
        while (!pending.isEmpty()) {
            if (running.isHeldByCurrentThread() || !running.tryLock()) {
                return; // the running drain (maybe ours, further up the stack) will see the new items
            }
            try {
                Runnable next;
                while ((next = pending.poll()) != null) {
                    runSafely(next);
                }
            } finally {
                running.unlock();
            }
        }
    }

    private static void runSafely(Runnable notification) {
        try {
            notification.run();
        } catch (RuntimeException e) {
            LOG.warn("A directory listener failed; later listeners and events are still delivered", e);
        }
    }
}
