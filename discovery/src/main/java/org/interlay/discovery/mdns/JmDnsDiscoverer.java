package org.interlay.discovery.mdns;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;
import javax.jmdns.impl.ServiceInfoImpl;
import javax.jmdns.impl.constants.DNSConstants;

import org.interlay.discovery.AdvertKey;
import org.interlay.discovery.Advertiser;
import org.interlay.discovery.DaemonThreads;
import org.interlay.discovery.DiscoveryException;
import org.interlay.discovery.DiscoveryListener;
import org.interlay.discovery.Discoverer;
import org.interlay.discovery.DnsSdAdvertCodec;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.SightingLedger;
import org.interlay.discovery.Source;
import org.interlay.log.DropLog;
import org.interlay.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS-SD over mDNS with JmDNS, bound to one explicit address. Publishes this node's adverts
 * (probed and announced by JmDNS, re-announced when they change, withdrawn with a goodbye on close)
 * and browses {@value DnsSdAdvertCodec#SERVICE_TYPE}: each resolved service whose TXT parses is
 * reported; anything else is counted and dropped.
 */
public final class JmDnsDiscoverer implements Discoverer, Advertiser {

    private static final Logger LOG = LoggerFactory.getLogger(JmDnsDiscoverer.class);
    /**
     * The TTL of every record we publish (PTR, SRV, TXT, A), in seconds: RFC 6762 §10's 120 s for
     * records that name a host, used for all of them so that a node that crashed (and sent no goodbye)
     * leaves every browser within about two minutes instead of JmDNS's default hour. JmDNS renews its
     * records at half their TTL, so a live node is re-announced every minute.
     */
    static final int RECORD_TTL_SECONDS = 120;
    /** The system property JmDNS 3.5 reads, once, when its {@code DNSConstants} class is loaded. */
    private static final String JMDNS_TTL_PROPERTY = "net.dns.ttl";

    /**
     * Set to {@code true} to keep JmDNS's own pace of probing and announcing (a service first seen
     * 4-5 s after it is registered) instead of RFC 6762's (0.75-1 s), see {@link PacedTaskStarter}: for comparing them.
     */
    public static final String JMDNS_PACING_PROPERTY = "interlay.mdns.jmdnsPacing";

    static {
        Integer set = Integer.getInteger(JMDNS_TTL_PROPERTY);
        if (set == null || set <= 0 || set > RECORD_TTL_SECONDS) {
            System.setProperty(JMDNS_TTL_PROPERTY, Integer.toString(RECORD_TTL_SECONDS));
        }
        PacedTaskStarter.install(!Boolean.getBoolean(JMDNS_PACING_PROPERTY));
    }

    private static final long RESOLVE_TIMEOUT_MS = 3_000;
    /** Probing and both announcements take under 2 s (RFC 6762 §8); JmDNS's throttled pace, under 5 s. */
    private static final long ANNOUNCED_WAIT_MS = 6_000;
    private static final long DROP_SUMMARY_MILLIS = 10_000;
    /**
     * How long {@link #close} waits at most for JmDNS to send the first goodbye. It takes a few ms, but
     * 114 ms were seen on a machine with a load of 20 on 2 cores: a third of the fixed 300 ms wait this
     * replaced, after which a process that exits sends none.
     */
    private static final long GOODBYE_WAIT_MS = 2_000;
    /** How long {@link #close} waits for JmDNS when it has no goodbye to send. */
    private static final long CLOSE_WAIT_MS = 300;
    /** How long the background closing waits for a publication under way before it closes anyway. */
    private static final long CLOSE_TIMEOUT_MS = 10_000;

    private final MdnsConfig config;
    private final DropLog rejected;
    /** Adverts this node wants published, by key. */
    private final Map<AdvertKey, OverlayAdvert> wanted = new ConcurrentHashMap<>();
    /** Services registered with JmDNS, by key; touched only on the publisher thread. */
    private final Map<AdvertKey, Registration> registered = new ConcurrentHashMap<>();
    private final ExecutorService publisher = DaemonThreads.workers(1, "mdns-publisher");
    private final ExecutorService resolver = DaemonThreads.workers(2, "mdns-resolver");
    private volatile JmDNS jmdns;
    /** The task starter of {@link #jmdns}: it tells when the first goodbye is out. */
    private volatile PacedTaskStarter tasks;
    /** Set on close: publications still queued are skipped, closing withdraws everything. */
    private volatile boolean closing;

    private record Registration(OverlayAdvert advert, ServiceInfo info) {
    }

    /** @param clock the time of the log of dropped input */
    public JmDnsDiscoverer(MdnsConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config);
        this.rejected = new DropLog(LOG, "mDNS input", clock, DROP_SUMMARY_MILLIS);
    }

    @Override
    public Source source() {
        return Source.MDNS;
    }

    @Override
    public void start(DiscoveryListener listener) throws DiscoveryException {
        try {
            jmdns = JmDNS.create(config.bindAddress(), config.hostName());
            tasks = PacedTaskStarter.of(jmdns).orElse(null);
        } catch (IOException e) {
            throw new DiscoveryException("cannot start mDNS on " + config.bindAddress().getHostAddress(), e);
        }
        LOG.info("mDNS on {} as {}.local.", config.bindAddress().getHostAddress(), config.hostName());
        if (DNSConstants.DNS_TTL > RECORD_TTL_SECONDS) {
            LOG.warn("mDNS records go out with TTL {} s, not {} s: JmDNS was loaded before discovery could set {}",
                    DNSConstants.DNS_TTL, RECORD_TTL_SECONDS, JMDNS_TTL_PROPERTY);
        }
        jmdns.addServiceListener(DnsSdAdvertCodec.SERVICE_TYPE,
                new Browser(new BrowsedServices(new SightingLedger(Source.MDNS, listener), rejected)));
        wanted.keySet().forEach(this::schedulePublish);
    }

    @Override
    public void advertise(OverlayAdvert advert) {
        wanted.put(advert.key(), advert);
        schedulePublish(advert.key());
    }

    @Override
    public void withdraw(AdvertKey key) {
        wanted.remove(key);
        schedulePublish(key);
    }

    /** Input dropped because it was not a valid Interlay advert, counted by {@code InvalidAdvertException.Problem}. */
    public DropLog rejected() {
        return rejected;
    }

    /**
     * Withdraws every advert with a goodbye and closes, waiting until the first goodbye is out (at most
     * {@value #GOODBYE_WAIT_MS} ms). JmDNS sends a goodbye at once, then repeats it twice a second apart
     * before it counts a service as gone (RFC 6762 §10.1 asks for one; the repeats are for packets lost),
     * and closing waits for that: over 2 s. The closing goes on in the background past the wait, and
     * ends with the process if that ends first.
     */
    @Override
    public void close() {
        JmDNS running = jmdns;
        if (running == null) {
            return;
        }
        jmdns = null;
        closing = true;
        boolean goodbyesToSend = !registered.isEmpty();
        publisher.shutdownNow(); // a TXT change waiting for its service to be announced gives up
        resolver.shutdownNow();
        Thread closer = new Thread(() -> {
            try {
                publisher.awaitTermination(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                running.close(); // withdraws what is still registered: the goodbyes
            } catch (IOException e) {
                LOG.warn("mDNS on {} did not close cleanly: {}", config.bindAddress().getHostAddress(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mdns-close");
        closer.setDaemon(true);
        closer.start();
        try {
            PacedTaskStarter starter = tasks;
            if (starter != null && goodbyesToSend) {
                if (!starter.awaitFirstGoodbye(GOODBYE_WAIT_MS)) {
                    LOG.info("mDNS on {}: no goodbye sent within {} ms of closing", config.bindAddress().getHostAddress(),
                            GOODBYE_WAIT_MS);
                }
            } else {
                closer.join(CLOSE_WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void schedulePublish(AdvertKey key) {
        if (jmdns != null && !publisher.isShutdown()) {
            JmDNS running = jmdns;
            publisher.execute(() -> publish(running, key));
        }
    }

    /** Makes what JmDNS publishes for one key match what is wanted. Runs on the publisher thread. */
    private void publish(JmDNS running, AdvertKey key) {
        if (closing) {
            return;
        }
        OverlayAdvert want = wanted.get(key);
        Registration have = registered.get(key);
        if (have != null && have.advert().equals(want)) {
            return;
        }
        try {
            if (have != null && want != null && sameService(have.advert(), want)) {
                boolean announced = announced(have.info());
                if (closing) {
                    return;
                }
                if (announced) {
                    // only the TXT differs: JmDNS re-announces it (RFC 6762 §8.4), with no goodbye and no new probing
                    have.info().setText(DnsSdAdvertCodec.toTxt(want).encode());
                    registered.put(key, new Registration(want, have.info()));
                    LOG.debug("Updated the TXT of {}", key);
                    return;
                }
            }
            if (have != null) {
                running.unregisterService(have.info());
                registered.remove(key);
            }
            if (want != null) {
                ServiceInfo info = serviceInfo(want);
                running.registerService(info);
                registered.put(key, new Registration(want, info));
                LOG.debug("Registered {} as '{}'", key, info.getQualifiedName());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not publish {} over mDNS", key, e);
        }
    }

    /**
     * Waits, on the publisher thread, until JmDNS has announced a service, at most {@value #ANNOUNCED_WAIT_MS} ms.
     * JmDNS 3.5.9 must not be given a new TXT before: {@code setText} drops the service's probing or
     * announcing task, and the service then stays unannounced for good.
     */
    private static boolean announced(ServiceInfo info) {
        return info instanceof ServiceInfoImpl impl && impl.waitForAnnounced(ANNOUNCED_WAIT_MS);
    }

    private static boolean sameService(OverlayAdvert a, OverlayAdvert b) {
        return DnsSdAdvertCodec.instanceName(a).equals(DnsSdAdvertCodec.instanceName(b)) && port(a) == port(b);
    }

    private static ServiceInfo serviceInfo(OverlayAdvert advert) {
        return ServiceInfo.create(DnsSdAdvertCodec.SERVICE_TYPE, DnsSdAdvertCodec.instanceName(advert),
                port(advert), 0, 0, DnsSdAdvertCodec.toTxt(advert).encode());
    }

    /** The SRV port: the first bootstrap peer's, the overlay port of the advertising node. */
    private static int port(OverlayAdvert advert) {
        return advert.bootstrapPeers().get(0).port();
    }

    /** Passes JmDNS's browse events for our service type on, and asks for each new service to be resolved. */
    private final class Browser implements ServiceListener {

        private final BrowsedServices services;

        Browser(BrowsedServices services) {
            this.services = services;
        }

        @Override
        public void serviceAdded(ServiceEvent event) {
            services.added(event.getName());
            JmDNS running = jmdns;
            if (running != null && !resolver.isShutdown()) {
                resolver.execute(() -> running.requestServiceInfo(event.getType(), event.getName(), true, RESOLVE_TIMEOUT_MS));
            }
        }

        @Override
        public void serviceResolved(ServiceEvent event) {
            services.resolved(event.getName(), event.getInfo().getTextBytes());
        }

        @Override
        public void serviceRemoved(ServiceEvent event) {
            services.removed(event.getName());
        }
    }
}
