package org.interlay.harness.interop;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.location.Binding;
import org.interlay.router.location.BindingSet;
import org.interlay.router.location.LocationService;
import org.interlay.router.presence.PresenceDocument;
import org.interlay.router.sip.SipStartException;
import org.interlay.router.ua.Call;
import org.interlay.router.ua.IncomingMessage;
import org.interlay.router.ua.PresenceNotification;
import org.interlay.router.ua.PresenceSubscription;
import org.interlay.router.ua.SipOutcome;
import org.interlay.router.ua.SubscriptionRefusedException;
import org.interlay.router.ua.UserAgent;
import org.interlay.router.ua.UserAgentConfig;

/**
 * The interop grid: for every ordered pair of domains (each domain with itself too), a source user in
 * the first and a target user in the second, both fresh, go through REGISTER, lookup, MESSAGE,
 * PUBLISH, SUBSCRIBE/NOTIFY, INVITE/ACK/BYE and an offline MESSAGE; each gives a {@link GridCell}.
 * An operation the target's server does not offer is not applicable; an operation whose step before
 * failed (no registration) fails with that reason. Every wait is bounded.
 */
public final class InteropGrid {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration EXPIRES = Duration.ofMinutes(10);

    private final List<GridDomain> domains;

    public InteropGrid(List<GridDomain> domains) {
        this.domains = List.copyOf(domains);
    }

    /** Runs every pair, one after another, and returns the cells, pair by pair in operation order. */
    public List<GridCell> run() throws InterruptedException {
        List<GridCell> cells = new ArrayList<>();
        for (GridDomain from : domains) {
            for (GridDomain to : domains) cells.addAll(pair(from, to));
        }
        return cells;
    }

    private List<GridCell> pair(GridDomain from, GridDomain to) throws InterruptedException {
        Map<GridOperation, GridCell> cells = new EnumMap<>(GridOperation.class);
        String source = "sip:a-" + GridCell.shortName(to.domain()) + "@" + from.domain();
        String target = "sip:b-" + GridCell.shortName(from.domain()) + "@" + to.domain();
        UserAgent a = null;
        UserAgent b = null;
        try {
            a = UserAgent.start(UserAgentConfig.of(source, from.entry()));
            b = UserAgent.start(UserAgentConfig.of(target, to.entry()));
            new PairRun(from, to, a, b, source, target, cells).run();
        } catch (SipStartException e) {
            for (GridOperation op : GridOperation.values()) {
                cells.putIfAbsent(op, fail(op, from, to, "user agent did not start: " + e.getMessage()));
            }
        } finally {
            if (a != null) {
                a.hangupAll();
                a.close();
            }
            if (b != null) {
                b.hangupAll();
                b.close();
            }
        }
        return List.copyOf(cells.values());
    }

    private static GridCell fail(GridOperation op, GridDomain from, GridDomain to, String detail) {
        return new GridCell(op, from.domain(), to.domain(), GridCell.Verdict.FAIL, detail);
    }

    /** One pair's operations, in order, with its two users. */
    private static final class PairRun {
        private final GridDomain from;
        private final GridDomain to;
        private final UserAgent a;
        private final UserAgent b;
        private final String source;
        private final String target;
        private final Map<GridOperation, GridCell> cells;
        private final BlockingQueue<IncomingMessage> toB = new LinkedBlockingQueue<>();
        private final BlockingQueue<PresenceNotification> toA = new LinkedBlockingQueue<>();
        private final BlockingQueue<Call> bCalls = new LinkedBlockingQueue<>();

        PairRun(GridDomain from, GridDomain to, UserAgent a, UserAgent b, String source, String target, Map<GridOperation, GridCell> cells) {
            this.from = from;
            this.to = to;
            this.a = a;
            this.b = b;
            this.source = source;
            this.target = target;
            this.cells = cells;
            b.onMessage(toB::add);
            a.onPresence(toA::add);
            b.onCall(bCalls::add);
        }

        void run() throws InterruptedException {
            boolean registered = step(GridOperation.REGISTER, this::register);
            for (GridOperation op : List.of(GridOperation.LOOKUP, GridOperation.MESSAGE, GridOperation.PUBLISH,
                    GridOperation.SUBSCRIBE_NOTIFY, GridOperation.INVITE_ACK_BYE, GridOperation.OFFLINE_MESSAGE)) {
                String reason = to.notOffered().get(op);
                if (reason != null) {
                    cells.put(op, new GridCell(op, from.domain(), to.domain(), GridCell.Verdict.NA, reason));
                } else if (!registered) {
                    cells.put(op, fail(op, from, to, "not run: REGISTER failed"));
                } else if (op == GridOperation.SUBSCRIBE_NOTIFY && cells.get(GridOperation.PUBLISH).verdict() != GridCell.Verdict.PASS) {
                    cells.put(op, fail(op, from, to, "not run: PUBLISH failed"));
                } else {
                    step(op, switch (op) {
                        case LOOKUP -> this::lookup;
                        case MESSAGE -> this::message;
                        case PUBLISH -> this::publish;
                        case SUBSCRIBE_NOTIFY -> this::subscribe;
                        case INVITE_ACK_BYE -> this::dialog;
                        default -> this::offlineMessage;
                    });
                }
            }
        }

        /** An operation: null when it passed, else what failed (a SIP status first, when there is one). */
        @FunctionalInterface
        private interface Step {
            String run() throws Exception;
        }

        private boolean step(GridOperation op, Step step) throws InterruptedException {
            String failure;
            try {
                failure = step.run();
            } catch (TimeoutException e) {
                failure = "timeout (no answer within " + WAIT.toSeconds() + " s)";
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                failure = cause instanceof SubscriptionRefusedException r ? describe(r.outcome()) : "error: " + cause;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failure = "error: " + e;
            }
            cells.put(op, failure == null ? GridCell.pass(op, from.domain(), to.domain()) : fail(op, from, to, failure));
            return failure == null;
        }

        private static String describe(SipOutcome o) {
            return o.status() + " " + o.reason();
        }

        private static SipOutcome await(CompletableFuture<SipOutcome> f) throws Exception {
            return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        private String register() throws Exception {
            SipOutcome ra = await(a.register(EXPIRES));
            if (!ra.isSuccess()) return describe(ra) + " (source " + source + ")";
            SipOutcome rb = await(b.register(EXPIRES));
            return rb.isSuccess() ? null : describe(rb) + " (target " + target + ")";
        }

        private String lookup() throws Exception {
            LocationService location = new LocationService(to.overlay().orElseThrow(), InstantSource.system(), Duration.ZERO, Duration.ZERO);
            Optional<BindingSet> found = location.find(AddressOfRecord.of(
                    org.interlay.router.sip.SipFactories.get().addresses().createURI(target)).orElseThrow()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            List<String> contacts = found.map(s -> s.live(Instant.now()).stream().map(Binding::contact).toList()).orElse(List.of());
            String expected = ":" + b.sipAddress().getPort();
            return contacts.stream().anyMatch(c -> c.contains(expected)) ? null : "404 (" + target + " not found in its overlay: " + contacts + ")";
        }

        private String message() throws Exception {
            toB.clear();
            SipOutcome o = await(a.sendMessage(target, "grid " + source + " -> " + target));
            if (o.status() != 200) return describe(o);
            return toB.poll(WAIT.toSeconds(), TimeUnit.SECONDS) == null ? "200 but the MESSAGE never arrived" : null;
        }

        private String publish() throws Exception {
            SipOutcome o = await(b.publishPresence(PresenceDocument.Basic.OPEN, "on the grid", EXPIRES));
            return o.isSuccess() ? null : describe(o);
        }

        private String subscribe() throws Exception {
            toA.clear();
            PresenceSubscription s = a.subscribe(target, EXPIRES).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            try {
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (System.nanoTime() < deadline) {
                    PresenceNotification n = toA.poll(100, TimeUnit.MILLISECONDS);
                    if (n != null && n.document() != null && n.document().overall() == PresenceDocument.Basic.OPEN) return null;
                }
                return "subscribed, but no NOTIFY saying " + target + " is open";
            } finally {
                s.close();
            }
        }

        private String dialog() throws Exception {
            bCalls.clear();
            Call out = a.call(target);
            Call in = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (in == null && System.nanoTime() < deadline && out.state() != Call.State.ENDED) {
                // every change of every call is reported: a late end of an earlier call is not this one
                Call c = bCalls.poll(100, TimeUnit.MILLISECONDS);
                if (c != null && c.direction() == Call.Direction.INCOMING && c.state() == Call.State.RINGING) in = c;
            }
            if (in == null) return out.state() == Call.State.ENDED ? out.endReason() : "timeout (the INVITE did not arrive)";
            b.answer(in);
            Call incoming = in;
            if (!until(() -> out.state() == Call.State.ESTABLISHED && incoming.state() == Call.State.ESTABLISHED)) {
                return out.state() == Call.State.ENDED ? out.endReason() : "not established (" + out + ")";
            }
            SipOutcome bye = await(a.hangup(out));
            if (bye.status() != 200) return describe(bye) + " to the BYE";
            return until(() -> incoming.state() == Call.State.ENDED) ? null : "the BYE never arrived";
        }

        /**
         * A third user of the target domain, never reached before (so no proxy on the way holds its
         * binding from an earlier request of this pair), registers and leaves; the MESSAGE sent then is
         * kept (202) and delivered when it registers again.
         */
        private String offlineMessage() throws Exception {
            String away = "sip:c-" + GridCell.shortName(from.domain()) + "@" + to.domain();
            try (UserAgent c = UserAgent.start(UserAgentConfig.of(away, to.entry()))) {
                BlockingQueue<IncomingMessage> toC = new LinkedBlockingQueue<>();
                c.onMessage(toC::add);
                SipOutcome first = await(c.register(EXPIRES));
                if (!first.isSuccess()) return describe(first) + " to the REGISTER of " + away;
                SipOutcome gone = await(c.unregister());
                if (!gone.isSuccess()) return describe(gone) + " to the REGISTER that removes " + away;
                SipOutcome kept = await(a.sendMessage(away, "while you were away"));
                if (kept.status() != 202) return describe(kept) + " (expected 202, kept for the user)";
                SipOutcome back = await(c.register(EXPIRES));
                if (!back.isSuccess()) return describe(back) + " to the REGISTER of " + away + " coming back";
                IncomingMessage m = toC.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                return m != null && m.text().equals("while you were away") ? null : "202, but not delivered when " + away + " came back";
            }
        }

        private static boolean until(BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) return false;
                TimeUnit.MILLISECONDS.sleep(20);
            }
            return true;
        }
    }
}
