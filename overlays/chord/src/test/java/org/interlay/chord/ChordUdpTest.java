package org.interlay.chord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.node.GlobalView;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.overlay.rpc.RpcConfig;
import org.interlay.overlay.sim.UdpCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 64 Chord nodes on real UDP sockets on 127.0.0.1, all on one event loop. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChordUdpTest {
    @Test
    void everyLookupEndsAtTheResponsibleNode() throws Exception {
        NodeConfig config = NodeConfig.defaults("chord-udp").withPeriods(2_000, 100).withRpc(new RpcConfig(200, 3, 2.0));
        try (UdpCluster cluster = new UdpCluster(new ChordAlgorithm(), config, 64)) {
            cluster.grow(64, Duration.ofSeconds(20));
            assertTrue(cluster.awaitStable(Duration.ofSeconds(60)), "64 nodes on UDP agree with the global view");
            GlobalView view = cluster.view();
            assertEquals(64, view.size());
            Random keys = new Random(6);
            for (OverlayNode from : cluster.nodes()) {
                for (int i = 0; i < 8; i++) {
                    Key key = Key.random(keys);
                    LookupResult r = from.lookup(key).get(10, TimeUnit.SECONDS);
                    assertEquals(view.successor(key), r.responsible().id(), "lookup of " + key + " from " + from.self());
                    assertTrue(r.hops() <= 6, "hops " + r.hops());
                }
            }
        }
    }
}
