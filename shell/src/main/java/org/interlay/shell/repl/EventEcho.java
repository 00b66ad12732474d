package org.interlay.shell.repl;

import java.util.List;
import java.util.function.Consumer;

/**
 * Prints the shell's events once each, in the order of the log: messages, presence and bursts always
 * ({@code << ...}), notices only while {@code watch} is on ({@code [watch] ...}). At the prompt it
 * prints as events come, above the line being typed; in a script, between lines, so that what
 * happened during a command comes before that command's own output.
 */
public final class EventEcho {
    private final EventLog log;
    private volatile boolean watching;
    private int printed;

    /** Echoes the events logged from now on. */
    public EventEcho(EventLog log) {
        this.log = log;
        this.printed = log.size();
    }

    public void watch(boolean on) {
        watching = on;
    }

    /** Prints every event logged since the last call that is to be printed, in log order. */
    public synchronized void printNew(Consumer<String> out) {
        List<ShellEvent> fresh = log.since(printed);
        printed += fresh.size();
        for (ShellEvent e : fresh) {
            if (!(e instanceof ShellEvent.Notice)) {
                out.accept("<< " + e.describe());
            } else if (watching) {
                out.accept("[watch] " + e.describe());
            }
        }
    }
}
