package org.interlay.shell.session;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.OverlayEntry;
import org.interlay.harness.lab.Lab;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.Overlay;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.location.Binding;
import org.interlay.router.location.BindingSet;
import org.interlay.router.location.LocationService;
import org.interlay.router.sip.MessageSizeLimit;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipTransport;
import org.interlay.router.ua.Call;
import org.interlay.router.ua.PresenceSubscription;
import org.interlay.router.ua.SipOutcome;
import org.interlay.router.ua.UserAgent;
import org.interlay.router.ua.UserAgentConfig;
import org.interlay.shell.repl.EventLog;
import org.interlay.shell.repl.ShellEvent;
import org.interlay.shell.repl.ShellInputException;
import org.interlay.text.Plural;
import org.interlay.time.EventLoop;

/**
 * What the shell acts on: the overlays discovery finds, the users it acts as (each a SIP user agent
 * registered with a peer of its domain), the events they see, and — in a lab — the peers and routers
 * to add and kill. Every operation waits a bounded time and turns failures into one-line errors.
 */
public final class ShellSession implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration REGISTRATION = Duration.ofHours(1);
    static final int MAX_BURST = 1000;
    static final Duration MIN_BURST_GAP = Duration.ofMillis(10);
    /** How long a MESSAGE or NOTIFY to one of the shell's own users may take to be logged after the request's 200 OK. */
    static final Duration LOCAL_DELIVERY = Duration.ofSeconds(2);
    /** 202 Accepted: the recipient's overlay keeps the message until the recipient registers again. */
    private static final int STORED_FOR_OFFLINE_USER = 202;
    /** How long closing waits for the users' registrations to be removed, all at once. */
    static final Duration UNREGISTER_BOUND = Duration.ofMillis(800);

    private final OverlayDirectory directory;
    private final Lab lab;
    private final OverlayMembers members;
    private final EntryPoints entryPoints;
    private final InetAddress bind;
    private final EventLog events = new EventLog();
    private final Map<String, ShellUser> users = new LinkedHashMap<>();
    private final DirectoryNotices directoryNotices = new DirectoryNotices(events);
    private final Runnable stopLabNotices;
    private EventLoop bursts;
    private String current;

    /**
     * What discovery sees come and go becomes the shell's notices until the session closes; so does,
     * in a lab ({@code lab} not null), what the lab itself does. The users' agents listen on
     * {@code bind}, the interface the shell was given: their Contact and Via name it, and peers on other
     * hosts send to it.
     */
    public ShellSession(OverlayDirectory directory, Lab lab, OverlayMembers members, InetAddress bind) {
        this.directory = directory;
        this.lab = lab;
        this.members = members;
        this.bind = bind;
        directory.addListener(directoryNotices);
        this.stopLabNotices = lab == null ? () -> { } : lab.onNotice(text -> events.add(new ShellEvent.Notice(Instant.now(), text)));
        this.entryPoints = new EntryPoints(lab, directory);
    }

    public EventLog events() {
        return events;
    }

    public OverlayDirectory directory() {
        return directory;
    }

    public Optional<Lab> lab() {
        return Optional.ofNullable(lab);
    }

    public Lab requireLab(String command) {
        if (lab == null) throw new ShellInputException("'" + command + "' works in a lab only (start one with 'interlay lab')");
        return lab;
    }

    public List<OverlayEntry> overlays() {
        return directory.overlays();
    }

    public synchronized List<String> users() {
        return users.keySet().stream().map(ShellSession::bare).toList();
    }

    /** One user of this shell as {@code users} shows it. */
    public record UserLine(String aor, boolean current, boolean registered, String registrar, String transport) {}

    /**
     * Every user of this shell, registered or not, in the order they were first acted as, each with
     * the peer's agent it registers with (in a lab, named by the peer's id).
     */
    public synchronized List<UserLine> userLines() {
        List<UserLine> lines = new ArrayList<>();
        for (ShellUser u : users.values()) {
            InetSocketAddress registrar = u.registrar();
            String where = registrar.getAddress().getHostAddress() + ":" + registrar.getPort();
            String peer = lab == null ? "" : lab.peerWithAgentAt(registrar).map(id -> "peer " + id + " at ").orElse("");
            lines.add(new UserLine(bare(u.aor), u.aor.equals(current), u.registered, peer + where,
                    u.agent.transport().param()));
        }
        return lines;
    }

    /** The user the shell acts as, as alice@chord.lab. */
    public synchronized Optional<String> currentUser() {
        return Optional.ofNullable(current).map(ShellSession::bare);
    }

    /** Becomes {@code aor} over UDP, or over the transport it already uses (see {@link #actAs(String, SipTransport)}). */
    public String actAs(String aorText) throws Exception {
        return actAs(aorText, null);
    }

    /**
     * Becomes {@code aor}: starts its user agent and registers it, unless the shell already acts as it.
     * A new user reaches its peer and asks to be reached over {@code transport} (UDP when null); a
     * user's transport stays what its first {@code as} chose.
     */
    public String actAs(String aorText, SipTransport transport) throws Exception {
        return actAs(aorText, transport, null);
    }

    /**
     * As {@link #actAs(String, SipTransport)}; a new user answers its agent's digest challenges with
     * {@code password} (none when null).
     */
    public String actAs(String aorText, SipTransport transport, String password) throws Exception {
        AddressOfRecord aor = parseAor(aorText);
        String key = aor.toString();
        ShellUser known;
        synchronized (this) {
            known = users.get(key);
            if (known != null && transport != null && known.agent.transport() != transport) {
                throw new ShellInputException(bare(key) + " already uses " + known.agent.transport().param()
                        + " in this shell; a user's transport is chosen by its first 'as'");
            }
            if (known != null) current = key;
        }
        if (known != null) {
            if (known.registered) return "acting as " + bare(key) + " (registered already)";
            SipOutcome o = await(known.agent.register(REGISTRATION), "REGISTER");
            if (!o.isSuccess()) throw new ShellInputException("REGISTER of " + key + " failed: " + o);
            known.registered = true;
            return "acting as " + bare(key) + ", registered again with " + aor.domain() + " at "
                    + hostPort(known.agent.outboundProxy());
        }
        InetSocketAddress proxy = entryPoints.first(aor.domain());
        if (password == null && lab != null) password = labPassword(aor);
        UserAgentConfig config = UserAgentConfig.of(key, proxy, bind).withTransport(transport == null ? SipTransport.UDP : transport);
        UserAgent agent = UserAgent.start(password == null ? config : config.withPassword(password));
        ShellUser user = new ShellUser(key, agent);
        agent.onMessage(m -> events.add(new ShellEvent.MessageReceived(Instant.now(), bare(key), bare(m.from()), m.text())));
        agent.onCall(c -> events.add(new ShellEvent.CallChanged(Instant.now(), bare(key), bare(c.peer()),
                c.direction() == Call.Direction.INCOMING, c.state().name().toLowerCase(Locale.ROOT), c.endReason())));
        agent.onPresence(n -> {
            if (n.document() != null) {
                events.add(new ShellEvent.PresenceSeen(Instant.now(), bare(key), bare(n.presentity()),
                        PresenceStatus.statusOf(n.document()), PresenceStatus.userNoteOf(n.document())));
            }
        });
        SipOutcome outcome;
        try {
            outcome = await(agent.register(REGISTRATION), "REGISTER");
        } catch (RuntimeException | InterruptedException e) {
            agent.close();
            throw e;
        }
        if (!outcome.isSuccess()) {
            agent.close();
            throw new ShellInputException("REGISTER of " + key + " with " + hostPort(proxy) + " failed: " + outcome);
        }
        user.registered = true;
        synchronized (this) {
            users.put(key, user);
            current = key;
        }
        agent.watchProxy(dead -> moveAway(user, aor.domain(), dead));
        return "acting as " + bare(key) + ", registered with " + aor.domain() + " at " + hostPort(proxy)
                + (agent.transport() == SipTransport.UDP ? "" : " over " + agent.transport().param());
    }

    /** The password a secure lab made for {@code aor} (null in an open lab, or for a user of another domain). */
    private String labPassword(AddressOfRecord aor) {
        try {
            return lab.passwordFor(org.interlay.trust.Aor.parse(aor.toString())).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new ShellInputException(e.getMessage());
        }
    }

    /**
     * Moves {@code user}, whose peer at {@code dead} stopped answering, to another entry point of its
     * domain and registers it there; says what happened in an event.
     */
    private void moveAway(ShellUser user, String domain, InetSocketAddress dead) {
        String who = bare(user.aor);
        Optional<InetSocketAddress> next = entryPoints.other(domain, dead);
        if (next.isEmpty()) {
            events.add(new ShellEvent.UserMoved(Instant.now(), who, "nowhere", "its peer " + hostPort(dead)
                    + " stopped answering, and no other entry point of " + domain + " is known"));
            return;
        }
        user.agent.moveTo(next.get());
        String to = hostPort(next.get());
        String why = "its peer stopped answering";
        if (!user.registered) {
            events.add(new ShellEvent.UserMoved(Instant.now(), who, to, why));
            user.moved();
            return;
        }
        user.agent.register(REGISTRATION).whenComplete((o, e) -> {
            events.add(new ShellEvent.UserMoved(Instant.now(), who, to,
                    e == null && o.isSuccess() ? why : why + "; REGISTER there failed: " + (e != null ? e.getMessage() : o)));
            user.moved();
        });
    }

    public String register() throws Exception {
        ShellUser u = user();
        SipOutcome o = await(u.agent.register(REGISTRATION), "REGISTER");
        if (o.isSuccess()) u.registered = true;
        return o.isSuccess() ? bare(u.aor) + " registered" : "REGISTER failed: " + o;
    }

    public String unregister() throws Exception {
        ShellUser u = user();
        SipOutcome o = await(u.agent.unregister(), "REGISTER");
        if (o.isSuccess()) u.registered = false;
        return o.isSuccess() ? bare(u.aor) + " unregistered" : "un-REGISTER failed: " + o;
    }

    /**
     * Sends a MESSAGE and waits for its final response. When the target is one of this shell's own
     * users, it also waits (at most {@link #LOCAL_DELIVERY}) until the message is in the event log, so
     * that the next line of a script sees it: the recipient logs it on a SIP thread of its own, which
     * may come after the 200 OK reached the sender. A 202 says the recipient is offline and the message
     * is kept in the recipient's overlay until the recipient registers again.
     */
    public String send(String to, String text) throws Exception {
        checkSize(text);
        ShellUser u = user();
        String target = parseAor(to).toString();
        Predicate<ShellEvent.MessageReceived> thisOne = m -> m.to().equals(bare(target)) && m.from().equals(bare(u.aor))
                && m.text().equals(text);
        int before = events.count(ShellEvent.MessageReceived.class, thisOne);
        // a MESSAGE sent through a peer that has just died goes again once the user has moved, if it is still waited for
        CompletableFuture<SipOutcome> first = u.agent.sendMessage(target, text);
        AtomicBoolean waited = new AtomicBoolean(true);
        CompletableFuture<SipOutcome> again = u.nextMove().thenCompose(v -> waited.get() && !first.isDone()
                ? u.agent.sendMessage(target, text) : first);
        SipOutcome o;
        try {
            o = await(first.applyToEither(again, outcome -> outcome), "MESSAGE");
        } finally {
            waited.set(false);
        }
        if (!o.isSuccess()) throw new ShellInputException("MESSAGE to " + target + " failed: " + o);
        if (o.status() == STORED_FOR_OFFLINE_USER) return "stored for " + bare(target) + " (offline; delivered when registered again)";
        if (isUser(target)) events.awaitCount(ShellEvent.MessageReceived.class, thisOne, before + 1, LOCAL_DELIVERY);
        return "delivered to " + bare(target) + " (" + o + ")";
    }

    private synchronized boolean isUser(String aor) {
        return users.containsKey(aor);
    }

    /**
     * Starts sending {@code count} MESSAGEs from the current user to {@code to}, one every
     * {@code every}, without waiting for answers; a {@link ShellEvent.BurstFinished} event says how
     * it ended.
     */
    public String burst(String to, int count, Duration every, String text) {
        if (count < 1 || count > MAX_BURST) throw new ShellInputException("a burst is 1 to " + MAX_BURST + " messages, not " + count);
        if (every.compareTo(MIN_BURST_GAP) < 0 || every.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new ShellInputException("a burst sends one message every 10ms to 1m, not every " + every.toMillis() + "ms");
        }
        checkSize(text + " " + count + "/" + count); // the longest of the burst's bodies
        ShellUser u = user();
        String target = bare(parseAor(to).toString());
        synchronized (this) {
            if (bursts == null) bursts = new EventLoop("shell-bursts");
        }
        MessageBurst.start(u.agent, bare(u.aor), target, count, every.toMillis(), text, bursts, events);
        return "sending " + Plural.of(count, "message") + " to " + target + ", one every " + every.toMillis() + " ms";
    }

    /** Refuses at once a text no path could carry, before anything is sent. */
    private static void checkSize(String text) {
        String refusal = MessageSizeLimit.refusal(text.getBytes(StandardCharsets.UTF_8).length);
        if (refusal != null) throw new ShellInputException(refusal);
    }

    public List<ShellEvent.MessageReceived> inbox() {
        String me = bare(user().aor);
        return events.all(ShellEvent.MessageReceived.class).stream().filter(m -> m.to().equals(me)).toList();
    }

    /**
     * Publishes the current user's presence. When users of this shell watch it, it also waits (at
     * most {@link #LOCAL_DELIVERY}) until each has logged the NOTIFY with the new status.
     */
    public String publish(String status, String note) throws Exception {
        ShellUser u = user();
        String word = status.toLowerCase(Locale.ROOT);
        List<String> watchers = watchersOf(u.aor);
        Predicate<ShellEvent.PresenceSeen> notified = p -> p.aor().equals(bare(u.aor)) && p.status().equals(word)
                && watchers.contains(p.watcher());
        int before = events.count(ShellEvent.PresenceSeen.class, notified);
        SipOutcome o = await(u.agent.publishPresence(PresenceStatus.basicOf(status), PresenceStatus.noteOf(status, note),
                REGISTRATION), "PUBLISH");
        if (!o.isSuccess()) throw new ShellInputException("PUBLISH failed: " + o);
        if (!watchers.isEmpty()) {
            events.awaitCount(ShellEvent.PresenceSeen.class, notified, before + watchers.size(), LOCAL_DELIVERY);
        }
        return bare(u.aor) + " is " + word + (note.isEmpty() ? "" : " (" + note + ")");
    }

    /**
     * Subscribes the current user to {@code to}'s presence. When {@code to} is a user of this shell,
     * it also waits (at most {@link #LOCAL_DELIVERY}) for the first NOTIFY (closed when it has not
     * published).
     */
    public String subscribe(String to) throws Exception {
        ShellUser u = user();
        String target = parseAor(to).toString();
        if (u.subscriptions.containsKey(target)) return bare(u.aor) + " is subscribed to " + bare(target) + " already";
        boolean local = isUser(target);
        Predicate<ShellEvent.PresenceSeen> notified = p -> p.watcher().equals(bare(u.aor)) && p.aor().equals(bare(target));
        int before = events.count(ShellEvent.PresenceSeen.class, notified);
        PresenceSubscription s = await(u.agent.subscribe(target, REGISTRATION), "SUBSCRIBE");
        synchronized (this) {
            u.subscriptions.put(target, s);
        }
        if (local) events.awaitCount(ShellEvent.PresenceSeen.class, notified, before + 1, LOCAL_DELIVERY);
        return bare(u.aor) + " now watches " + bare(target);
    }

    /** The users of this shell subscribed to {@code aor}, as bob@kad.lab. */
    private synchronized List<String> watchersOf(String aor) {
        return users.values().stream().filter(w -> w.subscriptions.containsKey(aor)).map(w -> bare(w.aor)).toList();
    }

    public String unsubscribe(String to) {
        ShellUser u = user();
        String target = parseAor(to).toString();
        PresenceSubscription s;
        synchronized (this) {
            s = u.subscriptions.remove(target);
        }
        if (s == null) throw new ShellInputException(bare(u.aor) + " is not subscribed to " + bare(target));
        s.close();
        return bare(u.aor) + " no longer watches " + bare(target);
    }

    /** Where {@code aor} is registered, found by a lookup in its overlay. */
    public String lookup(String aorText) throws Exception {
        AddressOfRecord aor = parseAor(aorText);
        Overlay overlay = members.memberOf(aor.domain());
        LookupResult route = await(overlay.lookup(LocationService.key(aor)), "lookup");
        Optional<BindingSet> found = await(new LocationService(overlay, InstantSource.system(), Duration.ZERO, Duration.ZERO)
                .find(aor), "lookup");
        List<String> contacts = new ArrayList<>();
        found.ifPresent(b -> b.live(Instant.now()).stream().map(Binding::contact).forEach(contacts::add));
        String where = contacts.isEmpty() ? "not registered" : String.join(", ", contacts);
        return bare(aor.toString()) + " -> " + where + "  [overlay " + overlay.name() + " (" + overlay.algorithm() + "), responsible node "
                + route.responsible() + ", " + Plural.of(route.hops(), "hop") + "]";
    }

    /**
     * Calls {@code to} from the current user and waits (at most {@link #WAIT}) until it rings, is
     * answered or fails; its audio starts when it is answered.
     */
    public String call(String to) throws Exception {
        ShellUser u = user();
        String target = parseAor(to).toString();
        Call call;
        try {
            call = u.agent.call(target);
        } catch (java.io.IOException e) {
            throw new ShellInputException("no media port for the call: " + e.getMessage());
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (call.state() == Call.State.CALLING && System.nanoTime() < deadline) {
            events.awaitMore(events.size(), 50);
        }
        return switch (call.state()) {
            case CALLING -> "calling " + bare(target) + " (no answer yet)";
            case RINGING -> "calling " + bare(target) + ": ringing";
            case ESTABLISHED -> "call with " + bare(target) + " established";
            case ENDED -> throw new ShellInputException("call to " + bare(target) + " failed: " + call.endReason());
        };
    }

    /** Answers the current user's oldest ringing call and waits (at most {@link #WAIT}) for the caller's ACK. */
    public String answer() throws Exception {
        ShellUser u = user();
        Call ringing = u.agent.calls().stream()
                .filter(c -> c.direction() == Call.Direction.INCOMING && c.state() == Call.State.RINGING).findFirst()
                .orElseThrow(() -> new ShellInputException(bare(u.aor) + " has no ringing call to answer"));
        try {
            u.agent.answer(ringing);
        } catch (IllegalStateException e) {
            throw new ShellInputException("the call from " + bare(ringing.peer()) + " stopped ringing");
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (ringing.state() == Call.State.RINGING && System.nanoTime() < deadline) {
            events.awaitMore(events.size(), 50);
        }
        return switch (ringing.state()) {
            case ESTABLISHED -> "call with " + bare(ringing.peer()) + " established";
            case ENDED -> "the call from " + bare(ringing.peer()) + " ended: " + ringing.endReason();
            default -> "answered " + bare(ringing.peer()) + "; no ACK yet";
        };
    }

    /** Ends the current user's latest call that is not over: cancels it, declines it or says BYE. */
    public String hangup() throws Exception {
        ShellUser u = user();
        List<Call> live = u.agent.calls().stream().filter(c -> c.state() != Call.State.ENDED).toList();
        if (live.isEmpty()) throw new ShellInputException(bare(u.aor) + " has no call to hang up");
        Call call = live.get(live.size() - 1);
        boolean established = call.state() == Call.State.ESTABLISHED;
        try {
            SipOutcome o = await(u.agent.hangup(call), established ? "BYE" : "hanging up");
            return established ? "hung up the call with " + bare(call.peer()) + " (" + o + ")"
                    : "stopped the call with " + bare(call.peer()) + " before it was answered (" + o + ")";
        } catch (IllegalStateException e) {
            throw new ShellInputException("the call with " + bare(call.peer()) + " has ended already");
        }
    }

    /** One call of a user of this shell as {@code calls} shows it. */
    public record CallLine(String user, String peer, boolean incoming, String state, long talkMillis, long sent, long received,
                           String reason) {}

    /** The calls of every user of this shell, the ongoing and the last ended ones. */
    public synchronized List<CallLine> callLines() {
        List<CallLine> lines = new ArrayList<>();
        for (ShellUser u : users.values()) {
            for (Call c : u.agent.calls()) {
                lines.add(new CallLine(bare(u.aor), bare(c.peer()), c.direction() == Call.Direction.INCOMING,
                        c.state().name().toLowerCase(Locale.ROOT), c.talkMillis(),
                        c.media().sent(), c.media().received(), c.endReason()));
            }
        }
        return lines;
    }

    /** {sent, received} RTP packets in the established calls of this shell's users with {@code aor}, the largest of each. */
    public synchronized long[] audioWith(String aor) {
        String peer = bare(parseAor(aor).toString());
        long sent = 0;
        long received = 0;
        for (ShellUser u : users.values()) {
            for (Call c : u.agent.calls()) {
                if (c.state() == Call.State.ESTABLISHED && bare(c.peer()).equalsIgnoreCase(peer)) {
                    sent = Math.max(sent, c.media().sent());
                    received = Math.max(received, c.media().received());
                }
            }
        }
        return new long[] {sent, received};
    }

    private synchronized ShellUser user() {
        if (current == null) throw new ShellInputException("act as a user first: as <aor>, e.g. as alice@chord.lab");
        return users.get(current);
    }

    static AddressOfRecord parseAor(String text) {
        String t = text.startsWith("sip:") ? text : "sip:" + text;
        try {
            AddressOfRecord aor = AddressOfRecord.parse(t);
            SipFactories.get().addresses().createURI(t); // what the SIP stack will make of it, e.g. no bad %-escape
            return aor;
        } catch (IllegalArgumentException | java.text.ParseException e) {
            throw new ShellInputException("'" + text + "' is not an address of record like alice@chord.lab");
        }
    }

    /** "sip:alice@chord.lab" or "<sip:alice@chord.lab>;tag=1" as alice@chord.lab. */
    static String bare(String uri) {
        String s = uri.trim();
        int lt = s.indexOf('<'), gt = s.indexOf('>');
        if (lt >= 0 && gt > lt) s = s.substring(lt + 1, gt);
        if (s.startsWith("sip:")) s = s.substring(4);
        int semi = s.indexOf(';');
        return semi < 0 ? s : s.substring(0, semi);
    }

    private static String hostPort(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    static <T> T await(CompletableFuture<T> f, String what) throws InterruptedException {
        try {
            return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ShellInputException(what + " got no answer within " + WAIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() instanceof java.util.concurrent.CompletionException ce && ce.getCause() != null
                    ? ce.getCause() : e.getCause();
            throw new ShellInputException(what + " failed: " + (c.getMessage() == null ? c.toString() : c.getMessage()));
        }
    }

    /**
     * Unregisters every user, all at once, waiting at most {@link #UNREGISTER_BOUND}: a contact left
     * behind would be forked to in vain until it expires. A registrar that does not answer keeps the
     * contact until then; quitting does not wait for it.
     */
    synchronized void unregisterAll() {
        List<CompletableFuture<SipOutcome>> leaving = users.values().stream().map(u -> u.agent.unregister()).toList();
        try {
            CompletableFuture.allOf(leaving.toArray(CompletableFuture[]::new))
                    .get(UNREGISTER_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // left to expire
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the session: unregisters every user ({@link #unregisterAll()}), then stops them. */
    @Override
    public synchronized void close() {
        stopLabNotices.run();
        users.values().forEach(u -> u.agent.hangupAll());
        directory.removeListener(directoryNotices);
        if (bursts != null) bursts.close();
        unregisterAll();
        users.values().forEach(ShellUser::close);
        users.clear();
        members.close();
    }
}
