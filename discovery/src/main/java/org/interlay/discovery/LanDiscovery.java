package org.interlay.discovery;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.interlay.discovery.jgroups.JGroupsDiscoverer;
import org.interlay.discovery.mdns.JmDnsDiscoverer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's discovery: an {@link OverlayDirectory} fed by mDNS, the JGroups group and static entries,
 * and this node's adverts published through both mechanisms. Start it, advertise, read the directory,
 * close it (the group is left first, so peers notice at once; then the mDNS goodbyes are sent).
 */
public final class LanDiscovery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LanDiscovery.class);

    private final LanDiscoveryConfig config;
    private final OverlayDirectory directory;
    private final JmDnsDiscoverer mdns;
    private final JGroupsDiscoverer group;
    private final StaticDiscoverer staticEntries;
    private final ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("directory-expiry"));

    public LanDiscovery(LanDiscoveryConfig config) {
        this.config = config;
        this.mdns = config.mdns() == null ? null : new JmDnsDiscoverer(config.mdns());
        this.group = config.group() == null ? null : new JGroupsDiscoverer(config.group());
        this.staticEntries = new StaticDiscoverer(config.staticEntries());
        this.directory = new OverlayDirectory(InstantSource.system(), group == null
                ? Map.of()
                : Map.of(Source.JGROUPS, config.group().beaconInterval().multipliedBy(3)));
    }

    /** Starts every configured mechanism; if one fails, those already started are closed. */
    public void start() throws DiscoveryException {
        staticEntries.start(directory);
        try {
            long began = System.nanoTime();
            if (mdns != null) {
                mdns.start(directory);
            }
            long mdnsStarted = System.nanoTime();
            if (group != null) {
                group.start(directory);
            }
            LOG.info("Discovery started: mDNS responder in {} ms, group joined in {} ms",
                    (mdnsStarted - began) / 1_000_000, (System.nanoTime() - mdnsStarted) / 1_000_000);
        } catch (DiscoveryException | RuntimeException e) {
            close();
            throw e;
        }
        long period = config.expiryCheck().toMillis();
        expiry.scheduleWithFixedDelay(directory::expireStale, period, period, TimeUnit.MILLISECONDS);
    }

    public OverlayDirectory directory() {
        return directory;
    }

    /** Publishes an advert (or its new content) through mDNS and the group. */
    public void advertise(OverlayAdvert advert) {
        advertisers().forEach(advertiser -> advertiser.advertise(advert));
    }

    public void withdraw(AdvertKey key) {
        advertisers().forEach(advertiser -> advertiser.withdraw(key));
    }

    /** The group adapter, for its bridge plan; empty when the group is off. */
    public Optional<JGroupsDiscoverer> group() {
        return Optional.ofNullable(group);
    }

    /** The mDNS adapter, for its counts of dropped input; empty when mDNS is off. */
    public Optional<JmDnsDiscoverer> mdns() {
        return Optional.ofNullable(mdns);
    }

    /** Input dropped as invalid by mDNS and the group together. */
    public long rejectedInput() {
        return (mdns == null ? 0 : mdns.rejected().total()) + (group == null ? 0 : group.rejected().total());
    }

    @Override
    public void close() {
        expiry.shutdownNow();
        if (group != null) {
            group.close();
        }
        if (mdns != null) {
            mdns.close();
        }
    }

    private List<Advertiser> advertisers() {
        List<Advertiser> advertisers = new ArrayList<>(2);
        if (mdns != null) {
            advertisers.add(mdns);
        }
        if (group != null) {
            advertisers.add(group);
        }
        return advertisers;
    }
}
