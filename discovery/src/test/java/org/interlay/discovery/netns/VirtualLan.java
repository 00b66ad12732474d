package org.interlay.discovery.netns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;

/**
 * A private LAN made of network namespaces, for tests and benchmarks that use multicast.
 * One host: a namespace whose loopback carries multicast (addresses 127.0.0.1).
 * Several hosts: a namespace each, with a veth to a bridge in a switch namespace
 * (addresses 10.77.0.N/24, IGMP snooping off). Nothing is attached to the caller's namespace.
 * Closing kills what still runs inside and deletes every namespace, also after a failure;
 * a shutdown hook does the same if the JVM exits first.
 */
public final class VirtualLan implements AutoCloseable {

    private static final String PREFIX = "ildisc-";
    private static final AtomicInteger LANS = new AtomicInteger();

    private final String ip;
    private final List<String> hosts = new ArrayList<>();
    private final List<String> created = new ArrayList<>();
    private String switchNamespace;
    private final Thread cleanupOnExit = new Thread(this::deleteNamespaces, "virtual-lan-cleanup");
    private boolean closed;

    private VirtualLan(String ip) {
        this.ip = ip;
    }

    /** Why namespaces cannot be made here, or empty when they can. */
    public static Optional<String> unavailableReason() {
        if (!"0".equals(uid())) {
            return Optional.of("network namespace tests need root (uid is " + uid() + ")");
        }
        if (Commands.find("ip") == null) {
            return Optional.of("network namespace tests need the 'ip' command (iproute2)");
        }
        if (Commands.find("unshare") == null) {
            return Optional.of("network namespace tests need the 'unshare' command (util-linux)");
        }
        return Optional.empty();
    }

    /** Skips the calling test, saying why, when namespaces cannot be made. */
    public static void assumeAvailable() {
        Optional<String> reason = unavailableReason();
        reason.ifPresent(why -> System.out.println("Skipping: " + why));
        Assumptions.assumeTrue(reason.isEmpty(), reason.orElse(""));
    }

    private static String uid() {
        try {
            return Commands.run(List.of("id", "-u")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Makes a LAN of {@code hostCount} hosts (1 to 9). */
    public static VirtualLan create(int hostCount) throws IOException {
        if (hostCount < 1 || hostCount > 9) {
            throw new IllegalArgumentException("1 to 9 hosts");
        }
        deleteLeftoversOfDeadProcesses();
        VirtualLan lan = new VirtualLan(Commands.find("ip"));
        Runtime.getRuntime().addShutdownHook(lan.cleanupOnExit);
        String base = PREFIX + ProcessHandle.current().pid() + "-" + LANS.incrementAndGet() + "-";
        try {
            if (hostCount == 1) {
                lan.addNamespace(base + "h1");
                lan.hosts.add(base + "h1");
                lan.ipIn(base + "h1", "link", "set", "lo", "up");
                lan.ipIn(base + "h1", "link", "set", "lo", "multicast", "on");
                lan.ipIn(base + "h1", "route", "add", "224.0.0.0/4", "dev", "lo");
                return lan;
            }
            String sw = base + "sw";
            lan.addNamespace(sw);
            lan.switchNamespace = sw;
            lan.ipIn(sw, "link", "add", "name", "br0", "type", "bridge", "mcast_snooping", "0");
            lan.ipIn(sw, "link", "set", "br0", "up");
            for (int n = 1; n <= hostCount; n++) {
                String host = base + "h" + n;
                lan.addNamespace(host);
                lan.hosts.add(host);
                Commands.run(List.of(lan.ip, "link", "add", "veth0", "netns", host, "type", "veth", "peer", "name", "p" + n, "netns", sw));
                lan.ipIn(sw, "link", "set", "p" + n, "master", "br0");
                lan.ipIn(sw, "link", "set", "p" + n, "up");
                lan.ipIn(host, "addr", "add", "10.77.0." + n + "/24", "dev", "veth0");
                lan.ipIn(host, "link", "set", "veth0", "up");
                lan.ipIn(host, "link", "set", "lo", "up");
                lan.ipIn(host, "route", "add", "224.0.0.0/4", "dev", "veth0");
            }
            return lan;
        } catch (IOException | RuntimeException e) {
            lan.close();
            throw e;
        }
    }

    public int size() {
        return hosts.size();
    }

    /** The namespace name of host {@code n} (from 1). */
    public String namespace(int n) {
        return hosts.get(n - 1);
    }

    /** The address host {@code n} (from 1) binds to. */
    public String address(int n) {
        return hosts.size() == 1 ? "127.0.0.1" : "10.77.0." + n;
    }

    /** The command prefix that runs a program inside host {@code n}. */
    public List<String> inHost(int n) {
        return List.of(ip, "netns", "exec", namespace(n));
    }

    /**
     * The command prefix that runs a program in the switch, where the bridge {@code br0} sees every
     * packet between the hosts (a capture there sees what each host sends); only with several hosts.
     */
    public List<String> inSwitch() {
        if (switchNamespace == null) {
            throw new IllegalStateException("a LAN of one host has no switch");
        }
        return List.of(ip, "netns", "exec", switchNamespace);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        deleteNamespaces();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException exiting) {
            // the hook is running or about to: it deletes the same namespaces
        }
    }

    private void addNamespace(String name) throws IOException {
        Commands.run(List.of(ip, "netns", "add", name));
        created.add(name);
    }

    private void ipIn(String namespace, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ip, "-n", namespace));
        command.addAll(List.of(args));
        Commands.run(command);
    }

    private void deleteNamespaces() {
        for (String namespace : List.copyOf(created)) {
            killProcessesIn(ip, namespace);
            if (Commands.succeeds(List.of(ip, "netns", "del", namespace))) {
                created.remove(namespace);
            }
        }
    }

    /** Kills, by pid, the processes a test left in one of its namespaces. */
    private static void killProcessesIn(String ip, String namespace) {
        try {
            for (String pid : Commands.run(List.of(ip, "netns", "pids", namespace)).split("\\s+")) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the namespace is already gone or empty
        }
    }

    /** Deletes namespaces this code made in a JVM that died before cleaning up. */
    private static void deleteLeftoversOfDeadProcesses() throws IOException {
        String ip = Commands.find("ip");
        for (String line : Commands.run(List.of(ip, "netns", "list")).split("\n")) {
            String name = line.strip().split("\\s+")[0];
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String[] parts = name.substring(PREFIX.length()).split("-");
            boolean ownerAlive = parts.length > 0 && parts[0].chars().allMatch(Character::isDigit)
                    && ProcessHandle.of(Long.parseLong(parts[0])).isPresent();
            if (!ownerAlive) {
                killProcessesIn(ip, name);
                Commands.succeeds(List.of(ip, "netns", "del", name));
            }
        }
    }
}
