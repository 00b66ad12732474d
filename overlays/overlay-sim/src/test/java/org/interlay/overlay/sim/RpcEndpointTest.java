package org.interlay.overlay.sim;

import org.interlay.time.VirtualScheduler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.msg.FetchRequest;
import org.interlay.overlay.node.msg.Ping;
import org.interlay.overlay.node.msg.Pong;
import org.interlay.overlay.rpc.PeerObserver;
import org.interlay.overlay.rpc.RemoteErrorException;
import org.interlay.overlay.rpc.RpcConfig;
import org.interlay.overlay.rpc.RpcEndpoint;
import org.interlay.overlay.rpc.RpcTimeoutException;
import org.interlay.overlay.wire.FrameCodec;
import org.junit.jupiter.api.Test;

class RpcEndpointTest {
    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final SimNetwork network = new SimNetwork(scheduler, LatencyModel.constant(20), 1);
    private final RpcConfig config = new RpcConfig(100, 4, 2.0);

    private RpcEndpoint endpoint(String name) {
        SimNetwork.SimTransport t = network.attach();
        // the clients here send requests they never answer themselves, so they know the response type from the start
        return new RpcEndpoint(t, scheduler, new FrameCodec().register(Pong.TYPE), 77, new NodeRef(Key.hash(name), t.localAddress()), config,
                new Random(name.hashCode()));
    }

    private RpcEndpoint clientEndpoint(String name) {
        SimNetwork.SimTransport t = network.attach();
        return RpcEndpoint.forClient(t, scheduler, new FrameCodec().register(Pong.TYPE), 77,
                new NodeRef(Key.hash(name), t.localAddress()), config, new Random(name.hashCode()));
    }

    /** A client's request is served by the handlers for clients alone, and its sender is told to no observer. */
    @Test
    void aClientIsServedOnlyWhatIsOfferedToClientsAndIsNeverHeardOfAsAPeer() throws Exception {
        RpcEndpoint peer = endpoint("peer"), client = clientEndpoint("client"), other = endpoint("other");
        List<NodeRef> heard = new ArrayList<>();
        peer.setObserver(new PeerObserver() {
            @Override
            public void heard(NodeRef p) {
                heard.add(p);
            }

            @Override
            public void restarted(NodeRef p) {
                heard.add(p);
            }

            @Override
            public void unresponsive(Address p) { }
        });
        peer.onRequest(Ping.TYPE, Pong.TYPE, (from, m) -> CompletableFuture.completedFuture(new Pong()));
        peer.onClientRequest(FetchRequest.TYPE, Pong.TYPE, (from, m) -> CompletableFuture.completedFuture(new Pong()));

        CompletableFuture<?> served = client.request(peer.self().address(), new FetchRequest(Key.hash("k"), false));
        CompletableFuture<?> peersOnly = client.request(peer.self().address(), new Ping());
        CompletableFuture<?> fromAPeer = other.request(peer.self().address(), new FetchRequest(Key.hash("k"), false));
        scheduler.runFor(10_000);

        assertInstanceOf(Pong.class, served.get(), "a client request for clients is answered");
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, peersOnly::get);
        assertInstanceOf(RpcTimeoutException.class, e.getCause(), "a peers' request from a client is dropped");
        assertTrue(fromAPeer.isCompletedExceptionally(), "a request for clients is not served to a peer's request frame");
        assertEquals(1, peer.stats().clientRequests(), "the one client request served (its retransmissions not counted)");
        assertEquals(java.util.Set.of(other.self()), java.util.Set.copyOf(heard), "of the two senders, only the peer was heard of");
    }

    @Test
    void retransmitsThroughLossAndHandlesEachRequestOnce() {
        RpcEndpoint client = endpoint("client"), server = endpoint("server");
        Map<Key, Integer> handled = new HashMap<>();
        server.onRequest(FetchRequest.TYPE, Pong.TYPE, (from, m) -> {
            handled.merge(m.key(), 1, Integer::sum);
            return CompletableFuture.completedFuture(new Pong());
        });
        network.setLossRate(0.3);
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(client.request(server.self().address(), new FetchRequest(Key.hash("k" + i), false)));
        }
        scheduler.runFor(10_000);
        long answered = calls.stream().filter(c -> c.isDone() && !c.isCompletedExceptionally()).count();
        // A round trip survives 30% loss each way with p = 0.49; four sends fail together with p = 0.51^4 = 0.068,
        // so about 186 of 200 are answered. Without retransmission it would be about 98.
        assertTrue(answered >= 175, "most requests get through 30% loss with 4 sends: " + answered);
        assertTrue(client.stats().retransmissions() > 0);
        handled.forEach((k, n) -> assertEquals(1, n, "a retransmitted request is answered from cache, not handled again"));
    }

    @Test
    void aSilentPeerTimesOutAfterEveryRetransmission() throws Exception {
        RpcEndpoint client = endpoint("client"), gone = endpoint("gone");
        List<Address> unresponsive = new ArrayList<>();
        client.setObserver(new PeerObserver() {
            @Override
            public void heard(NodeRef peer) { }

            @Override
            public void unresponsive(Address peer) {
                unresponsive.add(peer);
            }
        });
        network.crash(gone.self().address());
        CompletableFuture<?> call = client.request(gone.self().address(), new Ping());
        scheduler.runFor(config.totalTimeoutMillis() - 1);
        assertTrue(!call.isDone(), "still retrying before the total timeout");
        scheduler.runFor(1);
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, call::get);
        assertInstanceOf(RpcTimeoutException.class, e.getCause());
        assertEquals(4, client.stats().sent());
        assertEquals(List.of(gone.self().address()), unresponsive);
    }

    @Test
    void aPeerRestartedUnderItsOldIdIsReportedOnce() {
        RpcEndpoint server = endpoint("server"), first = endpoint("peer");
        server.onRequest(Ping.TYPE, Pong.TYPE, (from, m) -> CompletableFuture.completedFuture(new Pong()));
        List<NodeRef> restarted = new ArrayList<>();
        server.setObserver(new PeerObserver() {
            @Override
            public void heard(NodeRef peer) { }

            @Override
            public void unresponsive(Address peer) { }

            @Override
            public void restarted(NodeRef peer) {
                restarted.add(peer);
            }
        });
        first.request(server.self().address(), new Ping());
        first.request(server.self().address(), new Ping());
        scheduler.runFor(1_000);
        assertEquals(List.of(), restarted, "the same incarnation, heard twice, is no restart");

        network.crash(first.self().address());
        SimNetwork.SimTransport t = network.attach(first.self().address());
        RpcEndpoint second = new RpcEndpoint(t, scheduler, new FrameCodec().register(Pong.TYPE), 77, first.self(), config,
                new Random(12345));
        second.request(server.self().address(), new Ping());
        second.request(server.self().address(), new Ping());
        scheduler.runFor(1_000);
        assertEquals(List.of(first.self()), restarted, "a new incarnation under a known id is told once");
    }

    @Test
    void aFailingHandlerAnswersWithAnError() {
        RpcEndpoint client = endpoint("client"), server = endpoint("server");
        server.onRequest(Ping.TYPE, Pong.TYPE, (from, m) -> {
            throw new IllegalStateException("not now");
        });
        CompletableFuture<?> call = client.request(server.self().address(), new Ping());
        scheduler.runFor(1_000);
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, call::get);
        assertInstanceOf(RemoteErrorException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("not now"));
    }

    @Test
    void garbageIsCountedAndDropped() {
        RpcEndpoint server = endpoint("server");
        SimNetwork.SimTransport attacker = network.attach();
        Random r = new Random(3);
        for (int i = 0; i < 1000; i++) {
            byte[] junk = new byte[r.nextInt(100)];
            r.nextBytes(junk);
            attacker.send(server.self().address(), junk);
        }
        scheduler.runFor(1_000);
        assertEquals(1000, server.stats().malformed());
        assertEquals(0, server.stats().received());
    }
}
