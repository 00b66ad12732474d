package org.interlay.router.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.ParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.proxy.SelfAddress;
import org.interlay.router.sip.RequestSender;
import org.interlay.router.sip.SipFactories;
import org.interlay.time.VirtualScheduler;
import org.junit.jupiter.api.Test;

/** A user agent notices that the peer it registered with stopped answering; in virtual time, no network. */
class ProxyWatchTest {
    private final VirtualScheduler time = new VirtualScheduler();
    private final AtomicInteger deadPort = new AtomicInteger();
    private final List<Integer> probed = new CopyOnWriteArrayList<>();
    private final List<Integer> told = new CopyOnWriteArrayList<>();
    private final UacRequests requests;

    ProxyWatchTest() throws ParseException {
        requests = new UacRequests(AddressOfRecord.parse("sip:alice@chord.lab"), new SelfAddress("127.0.0.1", 5090),
                org.interlay.router.sip.SipTransport.UDP, proxy(5060));
    }

    private static SipURI proxy(int port) throws ParseException {
        SipURI uri = SipFactories.get().addresses().createSipURI(null, "127.0.0.1:" + port);
        uri.setLrParam();
        return uri;
    }

    private final RequestSender network = new RequestSender() {
        @Override
        public CompletableFuture<Response> send(Request request) {
            int port = ((SipURI) request.getRequestURI()).getPort();
            probed.add(port);
            if (port == deadPort.get()) return new CompletableFuture<>();
            try {
                return CompletableFuture.completedFuture(SipFactories.get().messages().createResponse(200, request));
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void sendStateless(Request request) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void aProxyThatStopsAnsweringIsToldOnceAndTheNextOneIsWatched() throws Exception {
        ProxyWatch watch = new ProxyWatch(requests, network, time, uri -> told.add(uri.getPort()));
        watch.start();
        time.runFor(ProxyWatch.EVERY.toMillis() * 5);
        assertEquals(List.of(), told, "the proxy answers");
        assertEquals(5060, probed.get(0));

        deadPort.set(5060);
        time.runFor(ProxyWatch.EVERY.plus(ProxyWatch.PATIENCE).toMillis());
        assertEquals(List.of(5060), told, "told within one probe and its patience");
        time.runFor(ProxyWatch.EVERY.toMillis() * 5);
        assertEquals(List.of(5060), told, "told once");

        requests.moveTo(proxy(5070));
        time.runFor(ProxyWatch.EVERY.toMillis() * 5);
        assertEquals(5070, probed.get(probed.size() - 1), "the new proxy is watched");
        assertEquals(List.of(5060), told);
        deadPort.set(5070);
        time.runFor(ProxyWatch.EVERY.plus(ProxyWatch.PATIENCE).toMillis());
        assertEquals(List.of(5060, 5070), told);
        watch.close();
        int sent = probed.size();
        time.runFor(ProxyWatch.EVERY.toMillis() * 5);
        assertEquals(sent, probed.size(), "closed: no more probes");
    }
}
