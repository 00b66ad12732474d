package org.interlay.router.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.address.SipURI;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.proxy.SelfAddress;
import org.interlay.router.sip.RequestSender;
import org.interlay.router.sip.SipFactories;
import org.interlay.time.VirtualScheduler;
import org.junit.jupiter.api.Test;

/**
 * A subscriber whose notifier dies (a router killed while a standby takes its bridges over): the
 * subscription is taken up again through the outbound proxy, which now leads to the standby. In
 * virtual time, with a scripted network.
 */
class PresenceSubscriptionTest {
    private final VirtualScheduler time = new VirtualScheduler();
    private final Notifiers network = new Notifiers();
    private final PresenceSubscription subscription;

    PresenceSubscriptionTest() throws ParseException {
        SipURI proxy = SipFactories.get().addresses().createSipURI(null, "127.0.0.1:5060");
        proxy.setLrParam();
        UacRequests requests = new UacRequests(AddressOfRecord.parse("sip:alice@chord.lab"), new SelfAddress("127.0.0.1", 5090),
                org.interlay.router.sip.SipTransport.UDP, proxy);
        subscription = new PresenceSubscription("sip:bob@kad.lab", requests, network, time, Duration.ofHours(1), n -> { },
                s -> { });
    }

    /**
     * The notifiers behind the outbound proxy: an out-of-dialog SUBSCRIBE is accepted by whichever
     * router bridges now (or refused while none does); a router that is dead answers nothing.
     */
    private static final class Notifiers implements RequestSender {
        final List<Request> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger bridging = new AtomicInteger(7001);
        final AtomicInteger dead = new AtomicInteger();

        @Override
        public CompletableFuture<Response> send(Request request) {
            sent.add(request);
            boolean viaProxy = request.getHeader(RouteHeader.NAME) != null;
            int port = viaProxy ? bridging.get() : ((SipURI) request.getRequestURI()).getPort();
            if (port == 0) return CompletableFuture.completedFuture(response(request, 503, port));
            if (port == dead.get()) return new CompletableFuture<>();
            return CompletableFuture.completedFuture(response(request, 200, port));
        }

        @Override
        public void sendStateless(Request request) {
            throw new UnsupportedOperationException();
        }

        private static Response response(Request request, int status, int port) {
            try {
                Response r = SipFactories.get().messages().createResponse(status, request);
                ((ToHeader) r.getHeader(ToHeader.NAME)).setTag("n" + port);
                r.setHeader(SipFactories.get().headers().createContactHeader(SipFactories.get().addresses()
                        .createAddress("sip:127.0.0.1:" + port)));
                return r;
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        }

        long subscribesThroughProxy() {
            return sent.stream().filter(r -> r.getMethod().equals(Request.SUBSCRIBE) && r.getHeader(RouteHeader.NAME) != null)
                    .count();
        }

        Request last() {
            return sent.get(sent.size() - 1);
        }
    }

    private static final long PROBE_ROUND = PresenceSubscription.PROBE_EVERY.plus(PresenceSubscription.PROBE_PATIENCE).toMillis();

    @Test
    void aLiveNotifierIsProbedAndKept() throws Exception {
        assertTrue(subscription.start().get().isSuccess());
        time.runFor(PROBE_ROUND * 5);
        assertEquals(1, network.subscribesThroughProxy(), "no new subscription while the notifier answers");
        assertEquals(Request.OPTIONS, network.last().getMethod());
        assertEquals(7001, ((SipURI) network.last().getRequestURI()).getPort(), "probed in the dialog, at the notifier");
        assertTrue(subscription.isActive());
    }

    @Test
    void whenTheNotifierDiesTheSubscriptionMovesToTheRouterThatBridgesNow() throws Exception {
        subscription.start().get();
        network.dead.set(7001);
        network.bridging.set(7002);
        time.runFor(PROBE_ROUND);
        assertEquals(2, network.subscribesThroughProxy(), "subscribed again through the outbound proxy");
        assertTrue(subscription.isActive());
        assertEquals(2, subscription.accepted());
        time.runFor(PresenceSubscription.PROBE_EVERY.toMillis());
        assertEquals(7002, ((SipURI) network.last().getRequestURI()).getPort(), "the standby is the notifier now");
        time.runFor(PROBE_ROUND * 5);
        assertEquals(2, network.subscribesThroughProxy(), "and is kept");
    }

    @Test
    void whileNoRouterBridgesTheSubscriptionIsTriedAgainUntilOneDoes() throws Exception {
        subscription.start().get();
        network.dead.set(7001);
        network.bridging.set(0);
        time.runFor(PROBE_ROUND + PresenceSubscription.RESTART_DELAY.toMillis() * 3);
        assertEquals(5, network.subscribesThroughProxy(), "the first, then one every restart delay");
        assertTrue(!subscription.isActive());
        network.bridging.set(7003);
        time.runFor(PresenceSubscription.RESTART_DELAY.toMillis());
        assertTrue(subscription.isActive());
        subscription.close();
        time.runFor(PROBE_ROUND * 5);
        assertEquals(6, network.subscribesThroughProxy(), "closed: nothing more but the unsubscribe in the dialog");
    }
}
