package org.interlay.shell;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What a command says when it runs on loopback (the default) on a machine that has other interfaces
 * up: that it sees only this host, and how to choose an interface. Forgetting {@code --bind} is
 * otherwise silent: discovery simply finds nothing from the LAN.
 */
public final class LoopbackNotice {

    /** An interface that is up and not loopback, with one of its IPv4 addresses. */
    public record LanInterface(String name, String address) {
    }

    private LoopbackNotice() {
    }

    /**
     * The notice for a command bound to {@code bind}, given the machine's other interfaces; empty when
     * the command is bound to an interface, or when loopback is all there is.
     */
    public static Optional<String> notice(InetAddress bind, List<LanInterface> others) {
        if (!bind.isLoopbackAddress() || others.isEmpty()) return Optional.empty();
        List<String> choices = others.stream().map(i -> i.name() + " " + i.address()).toList();
        return Optional.of("note: looking on " + bind.getHostAddress() + " only, so nothing beyond this host is seen or "
                + "reached; to use the LAN choose an interface with --bind <address>, e.g. --bind "
                + others.get(0).address() + " (interfaces up here: " + String.join(", ", choices) + ")");
    }

    /** Prints the notice on {@code err} if there is one, reading this machine's interfaces. */
    public static void printIfLoopback(InetAddress bind, PrintStream err) {
        if (!bind.isLoopbackAddress()) return;
        notice(bind, lanInterfaces()).ifPresent(err::println);
    }

    /** The interfaces that are up and not loopback, each with its first IPv4 address; none if they cannot be read. */
    static List<LanInterface> lanInterfaces() {
        List<LanInterface> found = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback()) continue;
                nif.inetAddresses().filter(a -> a instanceof Inet4Address).findFirst()
                        .ifPresent(a -> found.add(new LanInterface(nif.getName(), a.getHostAddress())));
            }
        } catch (SocketException e) {
            return List.of();
        }
        return found;
    }

    /** A number of seconds as a person writes it: {@code 2}, {@code 0.5}. */
    public static String seconds(double seconds) {
        return BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }
}
