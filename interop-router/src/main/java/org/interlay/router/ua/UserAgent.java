package org.interlay.router.ua;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.log.DropLog;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.media.RtpStream;
import org.interlay.router.presence.PresenceDocument;
import org.interlay.router.proxy.SelfAddress;
import org.interlay.router.sip.HandlerChain;
import org.interlay.router.sip.MessageSizeLimit;
import org.interlay.router.sip.RequestValidator;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipDispatcher;
import org.interlay.router.sip.SipEndpoint;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipStartException;
import org.interlay.router.sip.SipTransport;
import org.interlay.router.sip.Tags;
import org.interlay.router.sip.TransactionSender;
import org.interlay.time.EventLoop;
import org.interlay.time.Scheduler;
import org.interlay.time.StoppableScheduler;
import org.slf4j.LoggerFactory;

/**
 * A SIP user agent for the shell and for tests, on JAIN-SIP: registers with a peer's agent, sends
 * MESSAGEs, publishes presence and subscribes to others', and makes and takes calls with a stream of
 * RTP straight to the other party. Registrations, publications and
 * subscriptions are refreshed before they expire. Incoming MESSAGEs and presence notifications are
 * handed to the listeners on the user agent's scheduler, one at a time, so a listener that takes its
 * time delays only what comes after it there. Listens on 127.0.0.1 unless configured otherwise.
 */
public final class UserAgent implements AutoCloseable {
    private static final int MAX_BODY_BYTES = 60 * 1024;
    private final UserAgentConfig config;
    private final SipEndpoint endpoint;
    private final Scheduler timers;
    private final Runnable stopTimers;
    private final UacRequests requests;
    private final AuthenticatingSender sender;
    private final Registration registration;
    private final PresencePublication publication;
    private final CallTable calls;
    private final Map<String, PresenceSubscription> subscriptions = new ConcurrentHashMap<>();
    private volatile Consumer<IncomingMessage> messageListener = m -> { };
    private volatile Consumer<PresenceNotification> presenceListener = n -> { };
    private ProxyWatch proxyWatch;

    private UserAgent(UserAgentConfig config, SipEndpoint endpoint, StoppableScheduler timers, Runnable stopTimers) {
        this.config = config;
        this.endpoint = endpoint;
        this.timers = timers;
        this.stopTimers = () -> {
            timers.stop();
            stopTimers.run();
        };
        this.sender = new AuthenticatingSender(new TransactionSender(endpoint.provider()),
                Optional.ofNullable(config.credential()).map(c -> new DigestAnswers(c, new SecureRandom())), config.aor().toString());
        SipURI proxy = proxyUri(config.outboundProxy(), config.transport());
        this.requests = new UacRequests(config.aor(), SelfAddress.of(endpoint.localAddress()), config.transport(), proxy);
        this.registration = new Registration(config.aor(), requests, sender, timers);
        this.publication = new PresencePublication(config.aor(), requests, sender, timers);
        this.calls = new CallTable(requests, sender, this::sendStateless, timers, new Random(),
                new DropLog(LoggerFactory.getLogger(RtpStream.class), "media input at " + config.aor().user(), timers, 10_000),
                endpoint.localAddress().getAddress());
    }

    private void sendStateless(Response response) {
        try {
            endpoint.provider().sendResponse(response);
        } catch (javax.sip.SipException | RuntimeException e) {
            // the caller is gone: its INVITE transaction will time out on its side
        }
    }

    /** Starts a user agent with a thread of its own for timers and callbacks; nothing is sent until it is asked to. */
    public static UserAgent start(UserAgentConfig config) throws SipStartException {
        EventLoop timers = new EventLoop("ua-" + config.aor().user());
        try {
            return start(config, timers, timers::close);
        } catch (SipStartException | RuntimeException e) {
            timers.close();
            throw e;
        }
    }

    /**
     * Starts a user agent whose refreshes and callbacks run on {@code timers}, which stays the caller's;
     * they stop running when the user agent closes.
     */
    public static UserAgent start(UserAgentConfig config, Scheduler timers) throws SipStartException {
        return start(config, timers, () -> { });
    }

    private static UserAgent start(UserAgentConfig config, Scheduler timers, Runnable stopTimers) throws SipStartException {
        AtomicReference<Consumer<ServerExchange>> chain = new AtomicReference<>(
                exchange -> exchange.respond(Response.SERVICE_UNAVAILABLE, "Starting"));
        AtomicReference<Consumer<Response>> strays = new AtomicReference<>(response -> { });
        SipEndpoint endpoint = SipEndpoint.open(config.endpoint(), new SipDispatcher(
                exchange -> chain.get().accept(exchange), response -> strays.get().accept(response)), timers);
        UserAgent ua = new UserAgent(config, endpoint, new StoppableScheduler(timers), stopTimers);
        chain.set(ua.requestChain());
        strays.set(ua.calls::strayResponse);
        return ua;
    }

    private HandlerChain requestChain() {
        return new HandlerChain(List.of(new RequestValidator(endpoint.malformedInput(), MAX_BODY_BYTES),
                new UserAgentRequests(subscriptions, m -> timers.execute(() -> messageListener.accept(m))), calls),
                List.of(Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL, Request.MESSAGE, Request.NOTIFY, Request.OPTIONS));
    }

    public AddressOfRecord aor() {
        return config.aor();
    }

    /** The transport this user agent asks for (to its proxy and in its contact). */
    public SipTransport transport() {
        return config.transport();
    }

    /** Where this user agent receives requests (its registered contact). */
    public InetSocketAddress sipAddress() {
        return endpoint.localAddress();
    }

    /** Called with each MESSAGE received. */
    public void onMessage(Consumer<IncomingMessage> listener) {
        messageListener = listener;
    }

    /** Called with each presence notification of any subscription. */
    public void onPresence(Consumer<PresenceNotification> listener) {
        presenceListener = listener;
    }

    /** The peer's agent (or router) this user agent sends its requests outside dialogs through. */
    public InetSocketAddress outboundProxy() {
        SipURI proxy = requests.proxy();
        return new InetSocketAddress(proxy.getHost(), proxy.getPort());
    }

    /**
     * Sends the requests outside dialogs through {@code proxy} from now on (another peer of the
     * domain); register again to have the registration refreshed there.
     */
    public void moveTo(InetSocketAddress proxy) {
        requests.moveTo(proxyUri(proxy, config.transport()));
    }

    /**
     * Checks that the outbound proxy still answers (an OPTIONS every 2 s, 1.5 s to answer);
     * {@code lost} is told, on the user agent's scheduler, the proxy that stopped answering.
     */
    public synchronized void watchProxy(Consumer<InetSocketAddress> lost) {
        if (proxyWatch != null) proxyWatch.close();
        proxyWatch = new ProxyWatch(requests, sender, timers,
                proxy -> lost.accept(new InetSocketAddress(proxy.getHost(), proxy.getPort())));
        proxyWatch.start();
    }

    /** Registers this user agent's contact for {@code expires}, and keeps it registered. */
    public CompletableFuture<SipOutcome> register(Duration expires) {
        return registration.register(expires);
    }

    public CompletableFuture<SipOutcome> unregister() {
        return registration.unregister();
    }

    /**
     * Sends a text MESSAGE to {@code to} ({@code sip:user@domain}); completes with its final response,
     * or at once with a {@link MessageTooLargeException} when the text is over {@link MessageSizeLimit#BODY_BYTES}.
     */
    public CompletableFuture<SipOutcome> sendMessage(String to, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (body.length > MessageSizeLimit.BODY_BYTES) return CompletableFuture.failedFuture(new MessageTooLargeException(body.length));
        Address target = requests.parse(to);
        Request message = requests.outOfDialog(Request.MESSAGE, target.getURI(), target, Tags.random() + "-msg", 1,
                Tags.random());
        try {
            message.setContent(body,
                    SipFactories.get().headers().createContentTypeHeader("text", "plain"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        return Outcomes.unwrap(sender.send(message)).thenApply(Outcomes::of);
    }

    /** Publishes this user's presence, and keeps the publication alive until {@link #withdrawPresence()}. */
    public CompletableFuture<SipOutcome> publishPresence(PresenceDocument.Basic basic, String note, Duration expires) {
        String entity = "pres:" + config.aor().user() + "@" + config.aor().domain();
        return publication.publish(PresenceDocument.of(entity, basic, note), expires);
    }

    public CompletableFuture<SipOutcome> withdrawPresence() {
        return publication.withdraw();
    }

    /**
     * Subscribes to the presence of {@code presentity} ({@code sip:user@domain}). The subscription
     * is kept up (refreshed, re-established) until it is closed; notifications go to the presence
     * listener. The future completes with the handle once the first SUBSCRIBE has its final response.
     */
    public CompletableFuture<PresenceSubscription> subscribe(String presentity, Duration expires) {
        PresenceSubscription s = new PresenceSubscription(presentity, requests, sender, timers, expires,
                n -> timers.execute(() -> presenceListener.accept(n)), this::track);
        return s.start().thenApply(outcome -> {
            if (!outcome.isSuccess()) throw new java.util.concurrent.CompletionException(
                    new SubscriptionRefusedException(presentity, outcome));
            return s;
        });
    }

    private void track(PresenceSubscription s) {
        subscriptions.values().remove(s);
        subscriptions.put(s.callId(), s);
    }

    /** Called with each call as it changes: rings, is answered, ends. */
    public void onCall(Consumer<Call> listener) {
        calls.onChange(listener);
    }

    /**
     * Calls {@code to} ({@code sip:user@domain}) through the outbound proxy, offering PCMU audio on a
     * port of this user agent's own address; returns the call at once, which then rings, is answered
     * or ends (see {@link #onCall}).
     */
    public Call call(String to) throws java.io.IOException {
        return calls.dial(to);
    }

    /** Answers a ringing incoming call; its audio starts at once. */
    public void answer(Call call) {
        calls.answer(call);
    }

    /** Ends a call from this side: CANCEL, decline or BYE, as its state asks. */
    public CompletableFuture<SipOutcome> hangup(Call call) {
        return calls.hangup(call);
    }

    /** This user agent's calls, the ongoing and the last ended ones, oldest first. */
    public List<Call> calls() {
        return calls.all();
    }

    /** Hangs up every call that is not over, without waiting for answers. */
    public void hangupAll() {
        calls.hangupAll();
    }

    /** Stops at once: nothing is unregistered, unsubscribed or hung up (do that first if wanted). */
    @Override
    public void close() {
        synchronized (this) {
            if (proxyWatch != null) proxyWatch.close();
        }
        calls.close();
        endpoint.close();
        stopTimers.run();
    }

    private static SipURI proxyUri(InetSocketAddress proxy, SipTransport transport) {
        try {
            SipURI uri = SipFactories.get().addresses().createSipURI(null,
                    proxy.getAddress().getHostAddress() + ":" + proxy.getPort());
            uri.setLrParam();
            if (transport != SipTransport.UDP) uri.setTransportParam(transport.param());
            return uri;
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad proxy address " + proxy, e);
        }
    }
}
