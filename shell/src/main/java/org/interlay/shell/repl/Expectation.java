package org.interlay.shell.repl;

import org.interlay.text.Plural;
import java.time.Duration;
import java.util.List;

/**
 * A script's {@code expect} line: a condition on what the shell has seen, and how long to wait for it.
 * When it does not hold in time, {@link #whatWasSeen} says what was there instead.
 */
public interface Expectation {
    Duration within();

    /** Checks, and takes what it matched; true when it holds. */
    boolean check(EventLog log, ShellWorld world) throws InterruptedException;

    String describe();

    String whatWasSeen(EventLog log, ShellWorld world) throws InterruptedException;

    /** {@code count} messages from {@code from} whose text contains {@code containing}, not matched by an earlier line. */
    record Message(int count, String from, String containing, Duration within) implements Expectation {
        public Message {
            if (count < 1) throw new ShellInputException("expect at least one message, not " + count);
        }

        private boolean matches(ShellEvent.MessageReceived m) {
            return m.from().equalsIgnoreCase(from) && m.text().contains(containing);
        }

        @Override
        public boolean check(EventLog log, ShellWorld world) {
            return log.take(ShellEvent.MessageReceived.class, this::matches, count);
        }

        @Override
        public String describe() {
            return (count == 1 ? "message" : count + " messages") + " from " + from
                    + (containing.isEmpty() ? "" : " containing \"" + containing + "\"") + " within " + Durations.format(within);
        }

        @Override
        public String whatWasSeen(EventLog log, ShellWorld world) {
            List<ShellEvent.MessageReceived> all = log.all(ShellEvent.MessageReceived.class);
            if (all.isEmpty()) return "no messages at all";
            if (count > 1) return Plural.of(log.untaken(ShellEvent.MessageReceived.class, this::matches), "such message") + ", "
                    + Plural.of(all.size(), "message") + " in all";
            return Plural.of(all.size(), "message") + ": " + String.join("; ", all.stream().map(ShellEvent::describe).toList());
        }
    }

    record Presence(String aor, String status, Duration within) implements Expectation {
        @Override
        public boolean check(EventLog log, ShellWorld world) {
            return log.last(ShellEvent.PresenceSeen.class, p -> p.aor().equalsIgnoreCase(aor))
                    .map(p -> p.status().equalsIgnoreCase(status)).orElse(false);
        }

        @Override
        public String describe() {
            return "presence " + aor + " is " + status + " within " + Durations.format(within);
        }

        @Override
        public String whatWasSeen(EventLog log, ShellWorld world) {
            return log.last(ShellEvent.PresenceSeen.class, p -> p.aor().equalsIgnoreCase(aor))
                    .map(ShellEvent::describe).orElse("no presence of " + aor + " at all (subscribed to it?)");
        }
    }

    record Overlays(int count, Duration within) implements Expectation {
        @Override
        public boolean check(EventLog log, ShellWorld world) {
            return world.overlayCount() == count;
        }

        @Override
        public String describe() {
            return "overlays " + count + " within " + Durations.format(within);
        }

        @Override
        public String whatWasSeen(EventLog log, ShellWorld world) {
            return Plural.of(world.overlayCount(), "overlay") + " discovered";
        }
    }

    /** The last burst to {@code to} ended with every message delivered. */
    record BurstDelivered(String to, Duration within) implements Expectation {
        private java.util.Optional<ShellEvent.BurstFinished> last(EventLog log) {
            return log.last(ShellEvent.BurstFinished.class, b -> b.to().equalsIgnoreCase(to));
        }

        @Override
        public boolean check(EventLog log, ShellWorld world) {
            return last(log).map(b -> b.failures().isEmpty() && b.delivered() == b.sent()).orElse(false);
        }

        @Override
        public String describe() {
            return "burst to " + to + " delivered within " + Durations.format(within);
        }

        @Override
        public String whatWasSeen(EventLog log, ShellWorld world) {
            return last(log).map(ShellEvent::describe).orElse("no burst to " + to + " has ended");
        }
    }

    /** The lab has settled: lookups agree in every overlay, and every bridge names a router that is alive. */
    record Settled(Duration within) implements Expectation {
        @Override
        public boolean check(EventLog log, ShellWorld world) throws InterruptedException {
            return world.unsettled()
                    .orElseThrow(() -> new ShellInputException("'expect settled' works in the lab only"))
                    .isEmpty();
        }

        @Override
        public String describe() {
            return "settled within " + Durations.format(within);
        }

        @Override
        public String whatWasSeen(EventLog log, ShellWorld world) throws InterruptedException {
            return String.join("; ", world.unsettled().orElse(List.of()));
        }
    }

    /**
     * A call event not matched by an earlier line: an incoming call from {@code from} ringing
     * ({@code state} "ringing"), or any call of the shell's users established or ended.
     */
    record CallState(String state, String from, Duration within) implements Expectation {
        private boolean matches(ShellEvent.CallChanged c) {
            if (!c.state().equals(state)) return false;
            return from.isEmpty() || c.incoming() && c.peer().equalsIgnoreCase(from);
        }

        @Override
        public boolean check(EventLog log, ShellWorld world) {
            return log.take(ShellEvent.CallChanged.class, this::matches).isPresent();
        }

        @Override
        public String describe() {
            return (from.isEmpty() ? "call " + state : "call from " + from) + " within " + Durations.format(within);
        }

        @Override
        public String whatWasSeen(EventLog log, ShellWorld world) {
            List<ShellEvent.CallChanged> all = log.all(ShellEvent.CallChanged.class);
            if (all.isEmpty()) return "no call events at all";
            return String.join("; ", all.subList(Math.max(0, all.size() - 3), all.size()).stream().map(ShellEvent::describe).toList());
        }
    }

    /** In an established call with {@code aor}, RTP went both ways: at least {@link #PACKETS} sent and received. */
    record Audio(String aor, Duration within) implements Expectation {
        /** Half a second of 20 ms packets. */
        public static final int PACKETS = 25;

        @Override
        public boolean check(EventLog log, ShellWorld world) {
            long[] counts = world.audioWith(aor);
            return counts[0] >= PACKETS && counts[1] >= PACKETS;
        }

        @Override
        public String describe() {
            return "audio with " + aor + " within " + Durations.format(within);
        }

        @Override
        public String whatWasSeen(EventLog log, ShellWorld world) {
            long[] counts = world.audioWith(aor);
            return counts[0] + " RTP packets sent to and " + counts[1] + " received from " + aor + " in established calls";
        }
    }
}
