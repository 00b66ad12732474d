package org.interlay.shell.repl;

import java.time.Instant;

/** Something that happened while the shell runs: what {@code watch} prints and {@code expect} waits for. */
public sealed interface ShellEvent {
    Instant at();

    String describe();

    /** A MESSAGE reached one of the shell's users. */
    record MessageReceived(Instant at, String to, String from, String text) implements ShellEvent {
        @Override
        public String describe() {
            return "message to " + to + " from " + from + ": " + text;
        }
    }

    /** A NOTIFY told one of the shell's users the presence of {@code aor}. */
    record PresenceSeen(Instant at, String watcher, String aor, String status, String note) implements ShellEvent {
        @Override
        public String describe() {
            return "presence of " + aor + " is " + status + (note.isEmpty() ? "" : " (" + note + ")") + ", seen by " + watcher;
        }
    }

    /** Anything else worth a line: overlays found or gone, nodes killed, routers taking over. */
    record Notice(Instant at, String text) implements ShellEvent {
        @Override
        public String describe() {
            return text;
        }
    }
}
