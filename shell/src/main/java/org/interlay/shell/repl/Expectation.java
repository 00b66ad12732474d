package org.interlay.shell.repl;

import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A script's {@code expect} line: a condition on what the shell has seen, and how long to wait for it.
 * When it does not hold in time, {@link #whatWasSeen} says what was there instead.
 */
public interface Expectation {
    Duration within();

    /** Checks, and takes what it matched; true when it holds. */
    boolean check(EventLog log, IntSupplier overlayCount);

    String describe();

    String whatWasSeen(EventLog log, IntSupplier overlayCount);

    record Message(String from, String containing, Duration within) implements Expectation {
        @Override
        public boolean check(EventLog log, IntSupplier overlays) {
            return log.take(ShellEvent.MessageReceived.class,
                    m -> m.from().equalsIgnoreCase(from) && m.text().contains(containing)).isPresent();
        }

        @Override
        public String describe() {
            return "message from " + from + (containing.isEmpty() ? "" : " containing \"" + containing + "\"")
                    + " within " + Durations.format(within);
        }

        @Override
        public String whatWasSeen(EventLog log, IntSupplier overlays) {
            List<ShellEvent.MessageReceived> all = log.all(ShellEvent.MessageReceived.class);
            return all.isEmpty() ? "no messages at all"
                    : all.size() + " message(s): " + String.join("; ", all.stream().map(ShellEvent::describe).toList());
        }
    }

    record Presence(String aor, String status, Duration within) implements Expectation {
        @Override
        public boolean check(EventLog log, IntSupplier overlays) {
            return log.last(ShellEvent.PresenceSeen.class, p -> p.aor().equalsIgnoreCase(aor))
                    .map(p -> p.status().equalsIgnoreCase(status)).orElse(false);
        }

        @Override
        public String describe() {
            return "presence " + aor + " is " + status + " within " + Durations.format(within);
        }

        @Override
        public String whatWasSeen(EventLog log, IntSupplier overlays) {
            return log.last(ShellEvent.PresenceSeen.class, p -> p.aor().equalsIgnoreCase(aor))
                    .map(ShellEvent::describe).orElse("no presence of " + aor + " at all (subscribed to it?)");
        }
    }

    record Overlays(int count, Duration within) implements Expectation {
        @Override
        public boolean check(EventLog log, IntSupplier overlays) {
            return overlays.getAsInt() == count;
        }

        @Override
        public String describe() {
            return "overlays " + count + " within " + Durations.format(within);
        }

        @Override
        public String whatWasSeen(EventLog log, IntSupplier overlays) {
            return overlays.getAsInt() + " overlay(s) discovered";
        }
    }
}
