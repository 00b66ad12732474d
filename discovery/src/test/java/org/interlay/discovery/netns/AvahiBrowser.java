package org.interlay.discovery.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * avahi-daemon and {@code avahi-browse -r -p -k TYPE} on one host of a {@link VirtualLan}: a standard mDNS
 * browser that is not ours, to check what other hosts see of our adverts. It runs in its own mount namespace
 * with a private /run (so its system bus and pid files are its own), with its own dbus-daemon, bound to the
 * host's veth, IPv4 only, publishing nothing. Each line avahi-browse prints is kept as an {@link Event}
 * stamped with {@link System#nanoTime()} when it was read.
 */
public final class AvahiBrowser implements AutoCloseable {

    private static final List<String> PROGRAMS = List.of("avahi-daemon", "avahi-browse", "dbus-daemon", "unshare", "mount");
    private static final Duration READY_LIMIT = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final List<Event> events = new ArrayList<>();
    private boolean ready;

    /**
     * One line of avahi-browse: {@code +} a service was listed, {@code =} resolved (with its TXT strings),
     * {@code -} removed.
     */
    public record Event(long nanos, char kind, String instance, List<String> txt) {
    }

    private AvahiBrowser(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::readStdout, "avahi-browse-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Why avahi cannot run here, or empty when it can. */
    public static Optional<String> unavailableReason() {
        Optional<String> lan = VirtualLan.unavailableReason();
        if (lan.isPresent()) {
            return lan;
        }
        for (String program : PROGRAMS) {
            if (Commands.find(program) == null) {
                return Optional.of("avahi tests need '" + program + "' (apt-get install avahi-daemon avahi-utils dbus)");
            }
        }
        return Optional.empty();
    }

    /** Starts avahi on host {@code n} (from 1) of a LAN of two or more hosts, browsing {@code serviceType}, and waits until it browses. */
    public static AvahiBrowser start(VirtualLan lan, int n, String serviceType) throws IOException {
        if (lan.size() < 2) {
            throw new IllegalArgumentException("avahi runs on a host's veth: the LAN needs two hosts or more");
        }
        Path dir = Files.createDirectories(ChildProcess.LOG_DIR.resolve("avahi-" + lan.namespace(n)).toAbsolutePath());
        Path config = dir.resolve("avahi-daemon.conf");
        Files.writeString(config, String.join("\n",
                "[server]", "host-name=avahi-" + n, "use-ipv4=yes", "use-ipv6=no", "allow-interfaces=veth0",
                "enable-dbus=yes", "ratelimit-interval-usec=1000000", "ratelimit-burst=1000",
                "[wide-area]", "enable-wide-area=no",
                "[publish]", "disable-publishing=yes", "disable-user-service-publishing=yes",
                "[reflector]", "[rlimits]", ""));
        Path script = dir.resolve("browse.sh");
        Files.writeString(script, String.join("\n",
                "set -e",
                "mount -t tmpfs -o mode=755 tmpfs /run",
                "mkdir -p /run/dbus /run/avahi-daemon",
                "dbus-daemon --system --nofork --nopidfile &",
                "tries=0",
                "until [ -S /run/dbus/system_bus_socket ]; do",
                "  tries=$((tries + 1)); [ $tries -lt 300 ] || exit 3; sleep 0.05",
                "done",
                "avahi-daemon -f '" + config + "' --no-drop-root --no-chroot --no-rlimits &",
                "tries=0",
                "until avahi-browse -a -t -p >/dev/null 2>&1; do",
                "  tries=$((tries + 1)); [ $tries -lt 300 ] || exit 3; sleep 0.1",
                "done",
                "echo READY",
                "exec stdbuf -oL avahi-browse -r -p -k '" + serviceType + "'", ""));
        Path log = dir.resolve("avahi.log");
        List<String> command = new ArrayList<>(lan.inHost(n));
        command.addAll(List.of(Commands.find("unshare"), "-m", "--propagation", "private", "sh", script.toString()));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        AvahiBrowser browser = new AvahiBrowser(process, log);
        browser.awaitReady();
        return browser;
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                long now = System.nanoTime();
                synchronized (events) {
                    if (line.equals("READY")) {
                        ready = true;
                    } else {
                        parse(now, line).ifPresent(events::add);
                    }
                    events.notifyAll();
                }
            }
        } catch (IOException e) {
            // avahi is gone; waiters time out and say so
        } finally {
            synchronized (events) {
                events.notifyAll();
            }
        }
    }

    /** A line of {@code avahi-browse -p}: kind;interface;protocol;name;type;domain[;host;address;port;txt]. */
    static Optional<Event> parse(long nanos, String line) {
        String[] fields = line.split(";", -1);
        if (fields.length < 6 || fields[0].length() != 1 || "+-=".indexOf(fields[0].charAt(0)) < 0) {
            return Optional.empty();
        }
        List<String> txt = fields.length >= 10 ? txtStrings(fields[9]) : List.of();
        return Optional.of(new Event(nanos, fields[0].charAt(0), unescape(fields[3]), txt));
    }

    /** avahi-browse escapes dots, spaces and brackets in names as a backslash and three decimal digits. */
    static String unescape(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' && i + 3 < name.length() && name.substring(i + 1, i + 4).chars().allMatch(Character::isDigit)) {
                out.append((char) Integer.parseInt(name.substring(i + 1, i + 4)));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The TXT field: strings in double quotes, separated by spaces. */
    private static List<String> txtStrings(String field) {
        List<String> strings = new ArrayList<>();
        int at = 0;
        while ((at = field.indexOf('"', at)) >= 0) {
            int end = field.indexOf('"', at + 1);
            if (end < 0) {
                break;
            }
            strings.add(field.substring(at + 1, end));
            at = end + 1;
        }
        return strings;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        synchronized (events) {
            while (!ready) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive()) {
                    close();
                    throw new AssertionError("avahi did not start within " + READY_LIMIT + "; log: " + log);
                }
                waitOn(left);
            }
        }
    }

    /** How many events have been read so far. */
    public int eventCount() {
        synchronized (events) {
            return events.size();
        }
    }

    /** Waits for an event at index {@code from} or later that matches. */
    public Event awaitEvent(int from, Predicate<Event> matching, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (events) {
            while (true) {
                for (int i = from; i < events.size(); i++) {
                    if (matching.test(events.get(i))) {
                        return events.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive()) {
                    throw new AssertionError("avahi-browse: no " + what + " within " + limit + "; events: " + events + "; log: " + log);
                }
                waitOn(left);
            }
        }
    }

    /** An event of that kind for the instance named {@code instance}. */
    public static Predicate<Event> event(char kind, String instance) {
        return e -> e.kind() == kind && e.instance().equals(instance);
    }

    private void waitOn(long nanosLeft) {
        try {
            events.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanosLeft)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for avahi", e);
        }
    }

    /** Stops avahi-browse, avahi-daemon and dbus-daemon (all children of the script). */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
