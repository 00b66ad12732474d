package org.interlay.router.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import org.interlay.router.testing.RawSipPeer;
import org.interlay.router.testing.SipText;
import org.interlay.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Responses are matched to client transactions as before the scan was cut: by key, and a response
 * with an RFC 3261 branch that no transaction holds reaches the listener without one, as does one
 * with an RFC 2543 branch after the reference stack's scan.
 */
@Tag("slow")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BranchMatchingSipStackTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Records the responses the stack delivers. */
    private static final class Responses implements SipListener {
        final BlockingQueue<ResponseEvent> received = new LinkedBlockingQueue<>();

        @Override public void processResponse(ResponseEvent event) { received.add(event); }
        @Override public void processRequest(RequestEvent event) { }
        @Override public void processTimeout(TimeoutEvent event) { }
        @Override public void processIOException(IOExceptionEvent event) { }
        @Override public void processTransactionTerminated(TransactionTerminatedEvent event) { }
        @Override public void processDialogTerminated(DialogTerminatedEvent event) { }

        ResponseEvent next() throws InterruptedException {
            ResponseEvent event = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(event, "no response delivered within " + WAIT);
            return event;
        }
    }

    private static SipEndpoint open(Responses listener) throws SipStartException {
        SipEndpointConfig config = new SipEndpointConfig("matching", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                SipEndpointConfig.DEFAULT_THREADS, SipEndpointConfig.DEFAULT_MAX_MESSAGE_BYTES);
        return SipEndpoint.open(config, listener, new VirtualScheduler());
    }

    private static String response(InetSocketAddress via, String branch, String method) {
        return "SIP/2.0 200 OK\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + via.getPort() + ";branch=" + branch + "\r\n"
                + "From: <sip:alice@chord.lab>;tag=a\r\nTo: <sip:bob@chord.lab>;tag=b\r\nCall-ID: stray-1\r\n"
                + "CSeq: 1 " + method + "\r\nContent-Length: 0\r\n\r\n";
    }

    @Test
    void aResponseToAClientTransactionReachesItAndAStrayOneComesWithout() throws Exception {
        Responses listener = new Responses();
        try (SipEndpoint endpoint = open(listener); RawSipPeer peer = RawSipPeer.open()) {
            Request request = endpoint.factories().messages().createRequest("MESSAGE sip:bob@127.0.0.1:" + peer.port()
                    + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + endpoint.localAddress().getPort()
                    + ";branch=z9hG4bK-matched\r\nFrom: <sip:alice@chord.lab>;tag=a\r\nTo: <sip:bob@chord.lab>\r\n"
                    + "Call-ID: matched-1\r\nCSeq: 1 MESSAGE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
            ClientTransaction transaction = endpoint.provider().getNewClientTransaction(request);
            transaction.sendRequest();
            SipText sent = peer.receive(WAIT);
            peer.answer(sent, 200, "OK");
            ResponseEvent matched = listener.next();
            assertSame(transaction, matched.getClientTransaction());
            assertEquals(200, matched.getResponse().getStatusCode());

            peer.send(response(endpoint.localAddress(), "z9hG4bK-nobody", "MESSAGE"), endpoint.localAddress());
            ResponseEvent stray = listener.next();
            assertNull(stray.getClientTransaction());
            assertEquals("stray-1", ((javax.sip.header.CallIdHeader) stray.getResponse().getHeader("Call-ID")).getCallId());

            // an RFC 2543 branch takes the reference stack's path, the scan, and finds nothing either
            peer.send(response(endpoint.localAddress(), "old-style-1", "MESSAGE"), endpoint.localAddress());
            assertNull(listener.next().getClientTransaction());
        }
    }
}
