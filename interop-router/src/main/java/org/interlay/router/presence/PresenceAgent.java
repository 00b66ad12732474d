package org.interlay.router.presence;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Function;
import javax.sip.address.SipURI;
import org.interlay.router.proxy.SelfAddress;
import org.interlay.router.sip.ExpiryPolicy;
import org.interlay.router.sip.RequestSender;
import org.interlay.router.sip.SipHandler;
import org.interlay.time.Scheduler;

/**
 * Presence service of an agent or router for the domains it serves: the PUBLISH handler (state
 * stored in the overlay), the SUBSCRIBE handler with its subscriptions, the notifier and the watch
 * that keeps subscribers current.
 */
public final class PresenceAgent implements AutoCloseable {
    private final SubscriptionTable table = new SubscriptionTable();
    private final PresenceWatch watch;
    private final PublishHandler publishes;
    private final SubscribeHandler subscribes;

    public PresenceAgent(Function<String, Optional<PresenceStore>> stores, ExpiryPolicy policy, RequestSender sender,
                         SelfAddress self, SipURI contact, InstantSource clock, Scheduler timers,
                         Duration poll) {
        Notifier notifier = new Notifier(sender, self, contact, clock, table::remove);
        this.watch = new PresenceWatch(table, stores, notifier, clock, timers, poll);
        this.publishes = new PublishHandler(stores, policy, clock, watch::changed);
        this.subscribes = new SubscribeHandler(table, stores, policy, notifier, self, contact, clock);
    }

    public SipHandler publishHandler() {
        return publishes;
    }

    public SipHandler subscribeHandler() {
        return subscribes;
    }

    /** Subscriptions held now. */
    public int subscriptions() {
        return table.size();
    }

    @Override
    public void close() {
        watch.close();
    }
}
