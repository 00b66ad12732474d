package org.interlay.shell.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.interlay.router.ua.SipOutcome;
import org.interlay.router.ua.UserAgent;
import org.interlay.shell.repl.EventLog;
import org.interlay.shell.repl.ShellEvent;
import org.interlay.time.Scheduler;

/**
 * MESSAGEs from one user to another sent at a fixed pace without waiting for answers, so that several
 * are in flight at once (what a router failover must not lose). Message i of n carries
 * {@code "<text> i/n"}. When every one has a final outcome, one {@link ShellEvent.BurstFinished} says
 * how many were delivered and what became of the others.
 */
final class MessageBurst {
    private final String from;
    private final String to;
    private final int count;
    private final EventLog events;
    private final List<String> failures = new ArrayList<>();
    private int ended;
    private int delivered;

    private MessageBurst(String from, String to, int count, EventLog events) {
        this.from = from;
        this.to = to;
        this.count = count;
        this.events = events;
    }

    /** Schedules the {@code count} messages, one every {@code everyMillis}, the first at once. */
    static void start(UserAgent agent, String from, String to, int count, long everyMillis, String text, Scheduler scheduler,
                      EventLog events) {
        MessageBurst burst = new MessageBurst(from, to, count, events);
        for (int i = 1; i <= count; i++) {
            String body = text + " " + i + "/" + count;
            scheduler.schedule((i - 1) * everyMillis, () -> burst.sent(body, agent.sendMessage("sip:" + to, body)));
        }
    }

    private void sent(String body, CompletableFuture<SipOutcome> outcome) {
        outcome.whenComplete((o, error) -> ended(body, o, error));
    }

    private void ended(String body, SipOutcome outcome, Throwable error) {
        ShellEvent.BurstFinished finished = null;
        synchronized (this) {
            if (error == null && outcome.isSuccess()) {
                delivered++;
            } else {
                failures.add(body + ": " + (error != null ? String.valueOf(error.getMessage()) : outcome.toString()));
            }
            if (++ended == count) finished = new ShellEvent.BurstFinished(Instant.now(), from, to, count, delivered, failures);
        }
        if (finished != null) events.add(finished);
    }
}
