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

    /**
     * A burst of MESSAGEs from one of the shell's users has ended: every one of them got a final
     * response or gave up; {@code failures} says what went wrong with the others, one line each.
     */
    record BurstFinished(Instant at, String from, String to, int sent, int delivered, java.util.List<String> failures)
            implements ShellEvent {
        public BurstFinished {
            failures = java.util.List.copyOf(failures);
        }

        @Override
        public String describe() {
            return "burst from " + from + " to " + to + ": " + delivered + " of " + sent + " delivered"
                    + (failures.isEmpty() ? "" : "; failed: " + String.join("; ", failures.subList(0, Math.min(3, failures.size())))
                    + (failures.size() > 3 ? " (and " + (failures.size() - 3) + " more)" : ""));
        }
    }

    /**
     * A call of one of the shell's users changed: it rings (an incoming call, or the far end alerting),
     * is established, or ended, with the reason.
     */
    record CallChanged(Instant at, String user, String peer, boolean incoming, String state, String reason) implements ShellEvent {
        @Override
        public String describe() {
            String call = incoming ? "call from " + peer + " to " + user : "call from " + user + " to " + peer;
            return switch (state) {
                case "ringing" -> incoming ? "incoming " + call + " ('answer' takes it)" : call + " is ringing";
                case "ended" -> call + " ended (" + reason + ")";
                default -> call + " " + state;
            };
        }
    }

    /** One of the shell's users moved to another entry point of its domain, and why. */
    record UserMoved(Instant at, String user, String to, String why) implements ShellEvent {
        @Override
        public String describe() {
            return user + " moved to " + to + " (" + why + ")";
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
