package org.interlay.discovery.jgroups;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.interlay.discovery.AdvertKey;
import org.interlay.discovery.Advertiser;
import org.interlay.discovery.DaemonThreads;
import org.interlay.discovery.Departure;
import org.interlay.discovery.DiscoveryException;
import org.interlay.discovery.DiscoveryListener;
import org.interlay.discovery.Discoverer;
import org.interlay.discovery.InvalidAdvertException;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.SightingLedger;
import org.interlay.discovery.Source;
import org.interlay.log.DropLog;
import org.interlay.time.EventLoop;
import org.interlay.time.Scheduler;
import org.interlay.time.Timer;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The discovery group: every member multicasts a {@link Beacon} of the adverts it serves when it
 * joins, when its adverts change, when someone joins, and every beacon interval. The group's views
 * tell at once when a member leaves (its adverts end as {@link Departure#LEFT}) or is detected as
 * crashed ({@link Departure#FAILED}). The adverts of the live members, in view order, are what
 * routers agree from on who bridges what ({@link #liveAdverts()}).
 * Messages that are not valid beacons (foreign members, garbage) are counted and dropped. Beacons and
 * announcements of the live adverts run on a {@link Scheduler}: one given, or an {@link EventLoop} of its own.
 */
public final class JGroupsDiscoverer implements Discoverer, Advertiser {

    private static final Logger LOG = LoggerFactory.getLogger(JGroupsDiscoverer.class);
    private static final long DROP_SUMMARY_MILLIS = 10_000;
    /** How long {@link #close} waits for the channel to leave the group once the goodbye is out. */
    private static final long LEAVE_WAIT_MS = 1_000;
    private static final Comparator<OverlayAdvert> BY_KEY = Comparator.comparing(a -> a.key().toString());

    private final JGroupsConfig config;
    private final DropLog rejected;
    private final Map<AdvertKey, OverlayAdvert> wanted = new ConcurrentHashMap<>();
    private final Scheduler beaconer;
    private final Runnable stopBeaconer;
    /** Held while a beacon is sent, so that nothing follows the goodbye. */
    private final Object sending = new Object();
    private boolean closed;
    private Timer beacons;
    private final List<Consumer<List<OverlayAdvert>>> liveListeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    /** The adverts in each member's latest beacon. */
    private final Map<Address, List<OverlayAdvert>> servedByMember = new HashMap<>();
    private List<Address> view = List.of();
    private List<OverlayAdvert> live = List.of();
    private volatile JChannel channel;
    private volatile SightingLedger ledger;

    /** A member whose beacons run on a thread of its own. */
    public JGroupsDiscoverer(JGroupsConfig config) {
        this(config, new EventLoop("jgroups-beacon"));
    }

    private JGroupsDiscoverer(JGroupsConfig config, EventLoop ownBeaconer) {
        this(config, ownBeaconer, ownBeaconer::close);
    }

    /** A member whose beacons run on {@code beaconer}, which stays the caller's. */
    public JGroupsDiscoverer(JGroupsConfig config, Scheduler beaconer) {
        this(config, beaconer, () -> { });
    }

    private JGroupsDiscoverer(JGroupsConfig config, Scheduler beaconer, Runnable stopBeaconer) {
        this.config = config;
        this.beaconer = beaconer;
        this.stopBeaconer = stopBeaconer;
        this.rejected = new DropLog(LOG, "JGroups input", beaconer, DROP_SUMMARY_MILLIS);
    }

    @Override
    public Source source() {
        return Source.JGROUPS;
    }

    @Override
    public void start(DiscoveryListener listener) throws DiscoveryException {
        ledger = new SightingLedger(Source.JGROUPS, listener);
        JChannel joining = null;
        try {
            joining = new JChannel(GroupStack.load(config));
            joining.setReceiver(new GroupReceiver());
            joining.connect(config.clusterName());
        } catch (Exception e) {
            if (joining != null) {
                joining.close();
            }
            throw new DiscoveryException("cannot join group " + config.clusterName() + " on "
                    + config.bindAddress().getHostAddress(), e);
        }
        channel = joining;
        LOG.info("Joined group {} on {} as {}", config.clusterName(), config.bindAddress().getHostAddress(), joining.getAddress());
        long interval = config.beaconInterval().toMillis();
        synchronized (sending) {
            beacons = beaconer.repeat(0, interval, this::beacon);
        }
    }

    @Override
    public void advertise(OverlayAdvert advert) {
        wanted.put(advert.key(), advert);
        beaconSoon();
    }

    @Override
    public void withdraw(AdvertKey key) {
        wanted.remove(key);
        beaconSoon();
    }

    /** Tells the consumer the {@link #liveAdverts()} each time they change (on a background thread, in order). */
    public void onLiveAdvertsChange(Consumer<List<OverlayAdvert>> consumer) {
        liveListeners.add(consumer);
    }

    /**
     * The adverts in the latest beacons of the members in the current view, members in view order
     * (the same order on every member), each member's adverts in its beacon's order.
     */
    public List<OverlayAdvert> liveAdverts() {
        synchronized (lock) {
            return live;
        }
    }

    /** Messages dropped because they were not valid beacons, counted by {@link InvalidAdvertException.Problem}. */
    public DropLog rejected() {
        return rejected;
    }

    /** The channel while started; for tests that put fault layers into the stack. */
    JChannel channel() {
        return channel;
    }

    /**
     * Leaves the group: first a leaving beacon, sent synchronously (RSVP) so every member has taken
     * it in before the view without us arrives, which lets them tell a leave from a crash. The leave
     * itself is waited for up to {@value #LEAVE_WAIT_MS} ms: when members leave together, JGroups
     * can take seconds to agree on the views, and the beacon has said what matters by then.
     */
    @Override
    public void close() {
        JChannel open = channel;
        if (open == null) {
            stopBeaconer.run();
            return;
        }
        synchronized (sending) {
            closed = true;
            if (beacons != null) {
                beacons.cancel();
            }
            send(open, Beacon.goodbye(), Message.Flag.RSVP);
        }
        Thread leaving = DaemonThreads.named("jgroups-leave").newThread(open::close);
        leaving.start();
        try {
            leaving.join(LEAVE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel = null;
        stopBeaconer.run();
    }

    private void beaconSoon() {
        if (channel != null) {
            beaconer.execute(this::beacon);
        }
    }

    private void beacon() {
        synchronized (sending) {
            JChannel open = channel;
            if (open != null && !closed) {
                List<OverlayAdvert> adverts = new ArrayList<>(wanted.values());
                adverts.sort(BY_KEY);
                send(open, Beacon.serving(adverts));
            }
        }
    }

    private void send(JChannel open, Beacon beacon, Message.Flag... flags) {
        try {
            open.send(new BytesMessage(null, BeaconCodec.encode(beacon)).setFlag(flags));
        } catch (Exception e) {
            LOG.warn("Could not send a beacon to group {}", config.clusterName(), e);
        }
    }

    private void received(Address member, Beacon beacon) {
        synchronized (lock) {
            List<OverlayAdvert> previous = servedByMember.getOrDefault(member, List.of());
            Set<AdvertKey> nowServed = new HashSet<>();
            beacon.adverts().forEach(advert -> nowServed.add(advert.key()));
            for (OverlayAdvert old : previous) {
                if (!nowServed.contains(old.key())) {
                    ledger.lost(old.key(), Departure.LEFT);
                }
            }
            beacon.adverts().forEach(ledger::saw);
            if (beacon.leaving()) {
                servedByMember.remove(member);
                LOG.debug("{} is leaving the group", member);
            } else {
                servedByMember.put(member, beacon.adverts());
            }
            liveAdvertsChanged();
        }
    }

    private void viewChanged(View newView) {
        boolean someoneJoined;
        synchronized (lock) {
            List<Address> members = newView.getMembers();
            for (Address gone : List.copyOf(servedByMember.keySet())) {
                if (!members.contains(gone)) {
                    LOG.info("Group member {} is gone without leaving; dropping its adverts", gone);
                    servedByMember.remove(gone).forEach(advert -> ledger.lost(advert.key(), Departure.FAILED));
                }
            }
            someoneJoined = !view.containsAll(members);
            view = List.copyOf(members);
            liveAdvertsChanged();
        }
        if (someoneJoined) {
            beaconSoon(); // the newcomer learns what we serve without waiting for the interval
        }
    }

    /** Recomputes the live adverts and tells the listeners if they changed; call with the lock held. */
    private void liveAdvertsChanged() {
        List<OverlayAdvert> next = new ArrayList<>();
        for (Address member : view) {
            next.addAll(servedByMember.getOrDefault(member, List.of()));
        }
        if (!next.equals(live)) {
            List<OverlayAdvert> told = List.copyOf(next);
            live = told;
            beaconer.execute(() -> liveListeners.forEach(listener -> listener.accept(told)));
        }
    }

    /** JGroups' callbacks. */
    private final class GroupReceiver implements Receiver {

        @Override
        public void receive(Message message) {
            Address from = message.getSrc();
            if (!message.hasArray()) {
                rejected.drop(InvalidAdvertException.Problem.MALFORMED_BEACON, from,
                        "a " + message.getClass().getSimpleName() + " with no byte payload");
                return;
            }
            try {
                received(from, BeaconCodec.decode(message.getArray(), message.getOffset(), message.getLength()));
            } catch (InvalidAdvertException e) {
                rejected.drop(e.problem(), from, e.detail());
            }
        }

        @Override
        public void viewAccepted(View newView) {
            LOG.debug("Group view {}", newView);
            viewChanged(newView);
        }
    }
}
