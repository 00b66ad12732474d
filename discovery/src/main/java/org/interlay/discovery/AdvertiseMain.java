package org.interlay.discovery;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Publishes one overlay advert over mDNS and the discovery group until the process is stopped
 * (SIGTERM or Ctrl-C withdraw it with goodbyes). For checking what other tools see:
 * <pre>
 * java -cp ... org.interlay.discovery.AdvertiseMain --overlay chord.lab --algo chord \
 *     --domain chord.lab --boot 127.0.0.1:4000 --sip 127.0.0.1:5060 [--role peer] [--node n1] \
 *     [--bind 127.0.0.1] [--no-group]
 * dig @127.0.0.1 -p 5353 -t PTR _p2psip._udp.local
 * </pre>
 */
public final class AdvertiseMain {

    private static final Set<String> VALUED = Set.of("--bind", "--overlay", "--algo", "--domain", "--boot", "--sip", "--role", "--node");
    private static final Set<String> FLAGS = Set.of("--no-group");

    private AdvertiseMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options;
        OverlayAdvert advert;
        try {
            options = options(args);
            advert = advert(options);
        } catch (IllegalArgumentException | InvalidAdvertException e) {
            System.err.println("advertise: " + e.getMessage());
            System.err.println("usage: --overlay NAME --algo chord|pastry|kademlia --domain DOMAIN --boot H:P[,H:P]"
                    + " [--sip H:P[,H:P]] [--role peer|router] [--node ID] [--bind ADDR] [--no-group]");
            System.exit(2);
            return;
        }
        InetAddress bind = InetAddress.getByName(options.getOrDefault("--bind", "127.0.0.1"));
        LanDiscoveryConfig config = LanDiscoveryConfig.on(bind, "interlay-" + advert.nodeId().replaceAll("[^A-Za-z0-9-]", "-"));
        if (options.containsKey("--no-group")) {
            config = config.withGroup(null);
        }
        LanDiscovery discovery = new LanDiscovery(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            discovery.close();
            stopped.countDown();
        }, "advertise-shutdown"));
        discovery.start();
        discovery.advertise(advert);
        System.out.println("advertising '" + DnsSdAdvertCodec.instanceName(advert) + "." + DnsSdAdvertCodec.SERVICE_TYPE
                + "' on " + bind.getHostAddress() + " " + DnsSdAdvertCodec.toTxt(advert).asMap());
        stopped.await();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (FLAGS.contains(args[i])) {
                options.put(args[i], "");
            } else if (VALUED.contains(args[i]) && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unknown or incomplete option " + args[i]);
            }
        }
        return options;
    }

    private static OverlayAdvert advert(Map<String, String> options) throws InvalidAdvertException {
        for (String required : List.of("--overlay", "--algo", "--domain", "--boot")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException(required + " is required");
            }
        }
        Map<String, String> txt = new HashMap<>();
        txt.put(DnsSdAdvertCodec.KEY_OVERLAY, options.get("--overlay"));
        txt.put(DnsSdAdvertCodec.KEY_ALGORITHM, options.get("--algo"));
        txt.put(DnsSdAdvertCodec.KEY_DOMAIN, options.get("--domain"));
        txt.put(DnsSdAdvertCodec.KEY_BOOTSTRAP, options.get("--boot"));
        txt.put(DnsSdAdvertCodec.KEY_SIP, options.getOrDefault("--sip", ""));
        txt.put(DnsSdAdvertCodec.KEY_ROLE, options.getOrDefault("--role", "peer"));
        txt.put(DnsSdAdvertCodec.KEY_VERSION, Integer.toString(OverlayAdvert.FORMAT_VERSION));
        String node = options.getOrDefault("--node", Long.toHexString(ProcessHandle.current().pid()));
        return DnsSdAdvertCodec.fromTxt(TxtRecord.of(txt), node);
    }
}
