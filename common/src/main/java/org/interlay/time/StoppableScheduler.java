package org.interlay.time;

/**
 * A view of a scheduler for one part of a program that may stop before the scheduler does (a SIP
 * agent on a shared scheduler): once stopped, nothing scheduled through it runs any more, repeating
 * timers included, while the scheduler goes on serving the others.
 */
public final class StoppableScheduler implements Scheduler {
    private final Scheduler scheduler;
    private volatile boolean stopped;

    public StoppableScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public long nowMillis() {
        return scheduler.nowMillis();
    }

    @Override
    public Timer schedule(long delayMillis, Runnable task) {
        return scheduler.schedule(delayMillis, unlessStopped(task));
    }

    @Override
    public void execute(Runnable task) {
        scheduler.execute(unlessStopped(task));
    }

    @Override
    public boolean inSchedulerThread() {
        return scheduler.inSchedulerThread();
    }

    /** From now on, what was scheduled through this view does not run. */
    public void stop() {
        stopped = true;
    }

    private Runnable unlessStopped(Runnable task) {
        return () -> {
            if (!stopped) task.run();
        };
    }
}
