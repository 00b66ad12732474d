package org.interlay.discovery.netns;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.interlay.discovery.AdvertKey;
import org.interlay.discovery.DirectoryListener;
import org.interlay.discovery.InvalidAdvertException;
import org.interlay.discovery.LanDiscovery;
import org.interlay.discovery.LanDiscoveryConfig;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.OverlayEntry;
import org.interlay.discovery.StaticAdvertsFile;
import org.interlay.discovery.jgroups.JGroupsConfig;
import org.interlay.log.DropLog;

/**
 * A discovery node driven over stdin and reporting on stdout, for tests and benchmarks that run
 * nodes as separate processes. Every line starts with a word and the monotonic time in ns:
 * <pre>
 * STARTING t | STARTED t | ADVERTISING t | ADDED t name sources=MDNS+JGROUPS nodes=a+b | CHANGED t ... | REMOVED t name
 * LIST t name[sources] ... | STATS t key=count ... | CLOSING t | CLOSED t
 * </pre>
 * Arguments: {@code --bind ADDR --host LABEL [--advertise "ov=.. algo=.. ... node=.."] [--no-mdns]
 * [--advertise-after-ms N] [--no-group] [--beacon-ms N]}: the advert is published right after start, or
 * N ms later (as a node does once it has joined its overlay), ADVERTISING marking the call. Commands:
 * {@code advertise LINE}, {@code withdraw OV NODE}, {@code list}, {@code stats}, {@code close} (also on end of
 * input). SIGTERM closes discovery too (the goodbyes go out), as it does for a node.
 */
public final class DiscoveryNodeMain {

    private DiscoveryNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        String bind = "127.0.0.1";
        String host = "node";
        String advert = null;
        boolean mdns = true;
        boolean group = true;
        Duration beacon = JGroupsConfig.DEFAULT_BEACON_INTERVAL;
        long advertiseAfterMs = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bind" -> bind = args[++i];
                case "--host" -> host = args[++i];
                case "--advertise" -> advert = args[++i];
                case "--advertise-after-ms" -> advertiseAfterMs = Long.parseLong(args[++i]);
                case "--no-mdns" -> mdns = false;
                case "--no-group" -> group = false;
                case "--beacon-ms" -> beacon = Duration.ofMillis(Long.parseLong(args[++i]));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        InetAddress address = InetAddress.getByName(bind);
        LanDiscoveryConfig config = LanDiscoveryConfig.on(address, host)
                .withGroup(group ? JGroupsConfig.udp(address).withBeaconInterval(beacon) : null);
        if (!mdns) {
            config = config.withMdns(null);
        }
        LanDiscovery discovery = new LanDiscovery(config);
        discovery.directory().addListener(new Printer());
        Closing closing = new Closing(discovery);
        Runtime.getRuntime().addShutdownHook(new Thread(closing::close, "discovery-node-shutdown"));
        say("STARTING");
        discovery.start();
        if (advert != null && advertiseAfterMs <= 0) {
            say("ADVERTISING");
            discovery.advertise(parse(advert));
        }
        say("STARTED");
        if (advert != null && advertiseAfterMs > 0) {
            OverlayAdvert later = parse(advert);
            long delay = advertiseAfterMs;
            Thread advertiser = new Thread(() -> {
                try {
                    Thread.sleep(delay);
                    say("ADVERTISING");
                    discovery.advertise(later);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "late-advert");
            advertiser.setDaemon(true);
            advertiser.start();
        }
        serve(discovery, closing);
    }

    private static void serve(LanDiscovery discovery, Closing closing) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("close")) {
            String[] words = line.split(" ", 2);
            switch (words[0]) {
                case "advertise" -> discovery.advertise(parse(words[1]));
                case "withdraw" -> {
                    String[] key = words[1].split(" ");
                    discovery.withdraw(new AdvertKey(key[0], key[1]));
                }
                case "list" -> say("LIST " + discovery.directory().overlays().stream()
                        .map(e -> e.name() + "[" + sources(e) + "]").collect(Collectors.joining(" ")));
                case "stats" -> say("STATS " + stats(discovery));
                default -> System.err.println("unknown command: " + line);
            }
        }
        say("CLOSING");
        closing.close();
        say("CLOSED");
        System.exit(0);
    }

    private static OverlayAdvert parse(String line) throws InvalidAdvertException {
        return StaticAdvertsFile.parse(List.of(line)).get(0);
    }

    private static String stats(LanDiscovery discovery) {
        StringBuilder text = new StringBuilder();
        discovery.mdns().ifPresent(m -> append(text, "mdns", m.rejected()));
        discovery.group().ifPresent(g -> append(text, "group", g.rejected()));
        text.append("conflicts=").append(discovery.directory().conflictsRejected());
        return text.toString();
    }

    private static void append(StringBuilder text, String prefix, DropLog rejected) {
        text.append(prefix).append('=').append(rejected.count()).append(' ');
        for (InvalidAdvertException.Problem problem : InvalidAdvertException.Problem.values()) {
            text.append(prefix).append('.').append(problem).append('=').append(rejected.count(problem)).append(' ');
        }
    }

    private static String sources(OverlayEntry entry) {
        return entry.sources().stream().map(Enum::name).sorted().collect(Collectors.joining("+"));
    }

    private static synchronized void say(String what) {
        String[] words = what.split(" ", 2);
        System.out.println(words[0] + " " + System.nanoTime() + (words.length > 1 ? " " + words[1] : ""));
        System.out.flush();
    }

    /** Closes discovery once, from the end of input or from SIGTERM, whichever comes first; the other waits for it. */
    private static final class Closing {

        private final LanDiscovery discovery;
        private boolean closed;

        Closing(LanDiscovery discovery) {
            this.discovery = discovery;
        }

        synchronized void close() {
            if (!closed) {
                closed = true;
                discovery.close();
            }
        }
    }

    /** Prints directory events. */
    private static final class Printer implements DirectoryListener {

        @Override
        public void added(OverlayEntry entry) {
            say("ADDED " + describe(entry));
        }

        @Override
        public void changed(OverlayEntry before, OverlayEntry after) {
            say("CHANGED " + describe(after));
        }

        @Override
        public void removed(OverlayEntry entry) {
            say("REMOVED " + entry.name());
        }

        private static String describe(OverlayEntry entry) {
            return entry.name() + " sources=" + sources(entry) + " nodes=" + String.join("+", entry.nodes())
                    + " algo=" + entry.algorithm().name() + " domain=" + entry.sipDomain()
                    + " sip=" + entry.sipEntryPoints().stream().map(Object::toString).collect(Collectors.joining(","));
        }
    }
}
