package org.interlay.discovery.mdns;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Timer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.jmdns.JmDNS;import javax.jmdns.impl.DNSIncoming;
import javax.jmdns.impl.DNSTaskStarter;
import javax.jmdns.impl.JmDNSImpl;
import javax.jmdns.impl.ServiceInfoImpl;
import javax.jmdns.impl.tasks.state.Announcer;
import javax.jmdns.impl.tasks.state.Canceler;
import javax.jmdns.impl.tasks.state.Prober;
import javax.jmdns.impl.tasks.state.Renewer;

/**
 * Starts JmDNS's tasks for one JmDNS instance, through JmDNS's own plug-in point for them
 * ({@link DNSTaskStarter.Factory#setClassDelegate}): its probing and announcing at the pace of RFC 6762 §8
 * (or, for comparison, at JmDNS's own), and its goodbyes so that closing can tell when the first is out.
 * Every task is JmDNS's own class; only when the probing and announcing tasks are scheduled differs.
 * <p>
 * JmDNS 3.5.9 probes every 1 s instead of every 250 ms while its host name is not yet announced (that
 * is, for the first five seconds of every instance, and for every service registered in them), and waits
 * 1 s after the third probe before it announces. Measured on a two-host LAN, another host's avahi listed
 * a new service 4.1-5.0 s after it was registered (median 4.2 s over 10 starts); with the pace below,
 * 0.86-1.33 s (median 0.99 s) once the host name's probing, which runs while a node joins, is done. Here probes go 250 ms apart after a random 0-250 ms
 * wait (§8.1), the first announcement 250 ms after the third probe and the second 1 s after the first
 * (§8.3): a service is announced 0.75-1 s after it is registered. JmDNS's guard against a storm of
 * conflicts stays: from the tenth probing started within 5 s, probes go 1 s apart
 * (§8.1 asks for 5 s after fifteen conflicts in ten seconds).
 * <p>
 * The probing, announcing, renewing and goodbye tasks share one timer thread, as in JmDNS, so they never
 * run at the same time; the rest (reaper, resolvers, responder) run on JmDNS's own starter.
 */
final class PacedTaskStarter implements DNSTaskStarter {

    /** §8.1: probes 250 ms apart, the first after a random wait of up to 250 ms. */
    static final int PROBE_INTERVAL_MS = 250;
    /** §8.3: the announcements at least one second apart. */
    static final int ANNOUNCE_INTERVAL_MS = 1_000;
    /** JmDNS's pace once probing keeps being restarted (conflicts): its own constants. */
    private static final int THROTTLED_PROBE_INTERVAL_MS = 1_000;
    private static final int THROTTLE_COUNT = 10;
    private static final long THROTTLE_WINDOW_MS = 5_000;

    private final JmDNSImpl dns;
    private final boolean rfcPacing;
    private final DNSTaskStarter stock;
    private final Timer stateTimer;
    private final CountDownLatch firstGoodbye = new CountDownLatch(1);

    private PacedTaskStarter(JmDNSImpl dns, boolean rfcPacing) {
        this.dns = dns;
        this.rfcPacing = rfcPacing;
        this.stock = new DNSTaskStarter.DNSTaskStarterImpl(dns);
        // like JmDNS's own state timer: not a daemon thread; closing the instance cancels it
        this.stateTimer = new DNSTaskStarter.DNSTaskStarterImpl.StarterTimer("JmDNS(" + dns.getName() + ").State.Timer", false);
    }

    /**
     * Makes every JmDNS instance created from now on in this JVM use this starter, probing and announcing
     * at RFC 6762's pace if {@code rfcPacing}, else at JmDNS's.
     */
    static void install(boolean rfcPacing) {
        DNSTaskStarter.Factory.setClassDelegate(dns -> new PacedTaskStarter(dns, rfcPacing));
    }

    /** The starter of a running JmDNS instance, if it is one of ours. Call it only while the instance runs. */
    static Optional<PacedTaskStarter> of(JmDNS jmdns) {
        return jmdns instanceof JmDNSImpl impl && DNSTaskStarter.Factory.getInstance().getStarter(impl) instanceof PacedTaskStarter starter
                ? Optional.of(starter) : Optional.empty();
    }

    /** Waits until the first goodbye of this instance has been sent, at most {@code millis} ms; whether it was. */
    boolean awaitFirstGoodbye(long millis) throws InterruptedException {
        return firstGoodbye.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void startProber() {
        (rfcPacing ? new PromptProber(dns) : new Prober(dns)).start(stateTimer);
    }

    @Override
    public void startAnnouncer() {
        (rfcPacing ? new PromptAnnouncer(dns) : new Announcer(dns)).start(stateTimer);
    }

    @Override
    public void startRenewer() {
        new Renewer(dns).start(stateTimer);
    }

    @Override
    public void startCanceler() {
        new SignallingCanceler(dns, firstGoodbye).start(stateTimer);
    }

    @Override
    public void purgeStateTimer() {
        stateTimer.purge();
        stock.purgeStateTimer();
    }

    @Override
    public void cancelStateTimer() {
        stateTimer.cancel();
        stock.cancelStateTimer();
    }

    @Override
    public void purgeTimer() {
        stock.purgeTimer();
    }

    @Override
    public void cancelTimer() {
        stock.cancelTimer();
    }

    @Override
    public void startReaper() {
        stock.startReaper();
    }

    @Override
    public void startServiceInfoResolver(ServiceInfoImpl info) {
        stock.startServiceInfoResolver(info);
    }

    @Override
    public void startTypeResolver() {
        stock.startTypeResolver();
    }

    @Override
    public void startServiceResolver(String type) {
        stock.startServiceResolver(type);
    }

    @Override
    public void startResponder(DNSIncoming in, InetAddress address, int port) {
        stock.startResponder(in, address, port);
    }

    /** JmDNS's goodbyes (three, 1 s apart), counting down a latch once the first has been sent. */
    private static final class SignallingCanceler extends Canceler {

        private final CountDownLatch sent;

        SignallingCanceler(JmDNSImpl dns, CountDownLatch sent) {
            super(dns);
            this.sent = sent;
        }

        @Override
        public void run() {
            try {
                super.run();
            } finally {
                sent.countDown();
            }
        }
    }

    /** JmDNS's prober (three probes, then the announcer), paced by §8.1 from the first probing on. */
    private static final class PromptProber extends Prober {

        PromptProber(JmDNSImpl dns) {
            super(dns);
        }

        @Override
        public void start(Timer timer) {
            JmDNSImpl dns = getDns();
            if (dns.isCanceling() || dns.isCanceled()) {
                return;
            }
            long now = System.currentTimeMillis();
            boolean recent = now - dns.getLastThrottleIncrement() < THROTTLE_WINDOW_MS;
            dns.setThrottle(recent ? dns.getThrottle() + 1 : 1);
            dns.setLastThrottleIncrement(now);
            if (dns.getThrottle() < THROTTLE_COUNT) {
                timer.schedule(this, ThreadLocalRandom.current().nextInt(PROBE_INTERVAL_MS + 1), PROBE_INTERVAL_MS);
            } else {
                timer.schedule(this, THROTTLED_PROBE_INTERVAL_MS, THROTTLED_PROBE_INTERVAL_MS);
            }
        }
    }

    /** JmDNS's announcer (two announcements, then the renewer), started 250 ms after the last probe (§8.3). */
    private static final class PromptAnnouncer extends Announcer {

        PromptAnnouncer(JmDNSImpl dns) {
            super(dns);
        }

        @Override
        public void start(Timer timer) {
            JmDNSImpl dns = getDns();
            if (!dns.isCanceling() && !dns.isCanceled()) {
                timer.schedule(this, PROBE_INTERVAL_MS, ANNOUNCE_INTERVAL_MS);
            }
        }
    }
}
