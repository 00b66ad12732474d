package org.interlay.router.sip;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.interlay.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An endpoint that cannot have its port says so in one line, and leaves nothing half started. */
@Tag("slow")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SipEndpointStartTest {
    @Test
    void aPortTakenMeanwhileIsAStartFailureNotAStackError() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            SipEndpointConfig config = new SipEndpointConfig("taken", new InetSocketAddress(loopback, taken.getLocalPort()),
                    SipEndpointConfig.DEFAULT_THREADS, SipEndpointConfig.DEFAULT_MAX_MESSAGE_BYTES);
            SipStartException e = assertThrows(SipStartException.class, () -> SipEndpoint.open(config,
                    new SipDispatcher(exchange -> { }, response -> { }), new VirtualScheduler()));
            assertTrue(e.getMessage().startsWith("cannot start SIP endpoint taken on udp/tcp 127.0.0.1:"), e.getMessage());
        }
    }

    @Test
    void aPortTakenForTcpOnlyIsAStartFailureToo() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, loopback)) {
            SipEndpointConfig config = new SipEndpointConfig("taken-tcp", new InetSocketAddress(loopback, taken.getLocalPort()),
                    SipEndpointConfig.DEFAULT_THREADS, SipEndpointConfig.DEFAULT_MAX_MESSAGE_BYTES);
            SipStartException e = assertThrows(SipStartException.class, () -> SipEndpoint.open(config,
                    new SipDispatcher(exchange -> { }, response -> { }), new VirtualScheduler()));
            assertTrue(e.getMessage().startsWith("cannot start SIP endpoint taken-tcp on udp/tcp 127.0.0.1:"), e.getMessage());
        }
    }
}
