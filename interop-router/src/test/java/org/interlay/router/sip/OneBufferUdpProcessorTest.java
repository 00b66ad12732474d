package org.interlay.router.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import org.interlay.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * UDP through the endpoint's own processor: datagrams of every size it takes arrive whole, one after
 * the other through the one buffer, and what the endpoint sends leaves from its listening port (where
 * a peer that answers to the source address reaches it).
 */
@Tag("slow")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OneBufferUdpProcessorTest {
    private static String message(int n, int bodyBytes) {
        String body = "x".repeat(bodyBytes);
        return "MESSAGE sip:bob@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-one-buffer-" + n + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:alice@chord.lab>;tag=a" + n + "\r\nTo: <sip:bob@chord.lab>\r\n"
                + "Call-ID: one-buffer-" + n + "\r\nCSeq: 1 MESSAGE\r\nContent-Type: text/plain\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    @Test
    void datagramsLargeAndSmallArriveWholeOneAfterTheOther() throws Exception {
        LinkedBlockingQueue<Request> received = new LinkedBlockingQueue<>();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        SipEndpointConfig config = new SipEndpointConfig("one-buffer", new InetSocketAddress(loopback, 0),
                SipEndpointConfig.DEFAULT_THREADS, SipEndpointConfig.DEFAULT_MAX_MESSAGE_BYTES);
        SipEndpoint endpoint = SipEndpoint.open(config, new SipDispatcher(exchange -> received.add(exchange.request()), r -> { }),
                new VirtualScheduler());
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            int[] bodies = {9_000, 3, 1_200, 0, 5_000, 17};
            for (int i = 0; i < bodies.length; i++) {
                byte[] bytes = message(i, bodies[i]).getBytes(StandardCharsets.ISO_8859_1);
                peer.send(new DatagramPacket(bytes, bytes.length, endpoint.localAddress()));
            }
            for (int i = 0; i < bodies.length; i++) {
                Request r = received.poll(10, TimeUnit.SECONDS);
                assertNotNull(r, "request " + i);
                int n = Integer.parseInt(r.getHeader("Call-ID").toString().replaceAll("\\D", ""));
                assertEquals(bodies[n], r.getRawContent() == null ? 0 : r.getRawContent().length, "body of request " + n);
            }

            byte[] bytes = message(99, 10).replace("127.0.0.1:5999", "127.0.0.1:" + peer.getLocalPort())
                    .replace("sip:bob@127.0.0.1", "sip:bob@127.0.0.1:" + peer.getLocalPort()).getBytes(StandardCharsets.ISO_8859_1);
            Request request = (Request) new gov.nist.javax.sip.parser.StringMsgParser().parseSIPMessage(bytes, true, false, null);
            request.removeFirst("Via");
            request.addFirst(SipFactories.get().headers().createViaHeader("127.0.0.1", endpoint.localAddress().getPort(), "udp",
                    "z9hG4bK-one-buffer-out"));
            endpoint.provider().sendRequest(request);
            DatagramPacket sent = new DatagramPacket(new byte[2048], 2048);
            peer.setSoTimeout(10_000);
            peer.receive(sent);
            assertEquals(endpoint.localAddress().getPort(), sent.getPort(), "sent from the listening port");
        } finally {
            endpoint.close();
        }
    }
}
