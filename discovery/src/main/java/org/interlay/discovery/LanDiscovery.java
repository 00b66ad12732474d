package org.interlay.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.interlay.discovery.jgroups.JGroupsDiscoverer;
import org.interlay.discovery.mdns.JmDnsDiscoverer;
import org.interlay.time.EventLoop;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;
import org.interlay.time.WallClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's discovery: an {@link OverlayDirectory} fed by mDNS, the JGroups group and static entries,
 * and this node's adverts published through both mechanisms. Start it, advertise, read the directory,
 * close it (the group is left and the mDNS goodbyes are sent at the same time).
 * Its timers (the directory's expiry, the group's beacons) run on one {@link Scheduler}, given or of
 * its own, and the directory stamps sightings with a wall clock that moves with it.
 */
public final class LanDiscovery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LanDiscovery.class);

    private final LanDiscoveryConfig config;
    private final OverlayDirectory directory;
    private final JmDnsDiscoverer mdns;
    private final JGroupsDiscoverer group;
    private final StaticDiscoverer staticEntries;
    private final Scheduler timers;
    private final Runnable stopTimers;
    private Timer expiry;

    /** Discovery with a timer thread of its own. */
    public LanDiscovery(LanDiscoveryConfig config) {
        this(config, new EventLoop("discovery-timers"));
    }

    private LanDiscovery(LanDiscoveryConfig config, EventLoop ownTimers) {
        this(config, ownTimers, ownTimers::close);
    }

    /** Discovery whose timers run on {@code timers}, which stays the caller's. */
    public LanDiscovery(LanDiscoveryConfig config, Scheduler timers) {
        this(config, timers, () -> { });
    }

    private LanDiscovery(LanDiscoveryConfig config, Scheduler timers, Runnable stopTimers) {
        this.config = config;
        this.timers = timers;
        this.stopTimers = stopTimers;
        this.mdns = config.mdns() == null ? null : new JmDnsDiscoverer(config.mdns(), timers);
        this.group = config.group() == null ? null : new JGroupsDiscoverer(config.group(), timers);
        this.staticEntries = new StaticDiscoverer(config.staticEntries());
        this.directory = new OverlayDirectory(WallClock.system(timers), group == null
                ? Map.of()
                : Map.of(Source.JGROUPS, config.group().beaconInterval().multipliedBy(3)));
    }

    /** Starts every configured mechanism; if one fails, those already started are closed. */
    public void start() throws DiscoveryException {
        staticEntries.start(directory);
        try {
            long began = timers.nowMillis();
            if (mdns != null) {
                mdns.start(directory);
            }
            long mdnsStarted = timers.nowMillis();
            if (group != null) {
                group.start(directory);
            }
            LOG.info("Discovery started: mDNS responder in {} ms, group joined in {} ms",
                    mdnsStarted - began, timers.nowMillis() - mdnsStarted);
        } catch (DiscoveryException | RuntimeException e) {
            close();
            throw e;
        }
        long period = config.expiryCheck().toMillis();
        expiry = timers.repeat(period, period, directory::expireStale);
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
        return (mdns == null ? 0 : mdns.rejected().count()) + (group == null ? 0 : group.rejected().count());
    }

    /** Leaves the group and sends the mDNS goodbyes at the same time (each waits on its own replies). */
    @Override
    public void close() {
        if (expiry != null) {
            expiry.cancel();
        }
        Thread mdnsClosing = null;
        if (mdns != null) {
            mdnsClosing = DaemonThreads.named("mdns-goodbye").newThread(mdns::close);
            mdnsClosing.start();
        }
        if (group != null) {
            group.close();
        }
        if (mdnsClosing != null) {
            try {
                mdnsClosing.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopTimers.run();
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
