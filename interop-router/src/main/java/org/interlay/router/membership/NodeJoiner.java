package org.interlay.router.membership;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.interlay.overlay.Key;
import org.interlay.overlay.Overlay;
import org.interlay.overlay.node.NodeConfig;
import org.interlay.overlay.secure.OverlayTrust;
import org.interlay.overlay.node.OverlayAlgorithm;
import org.interlay.overlay.node.OverlayNode;
import org.interlay.time.EventLoop;
import org.interlay.time.Timer;
import org.interlay.overlay.transport.UdpTransport;
import org.interlay.router.directory.DomainEntry;

/**
 * Joins overlays with real nodes: the overlay's algorithm among the {@link InstalledAlgorithms} (an
 * overlay of an algorithm not installed here cannot be joined), a UDP socket on the given interface
 * (127.0.0.1 by default), all nodes served by one event loop, which also times the joins. A join that
 * fails or takes longer than the limit halts the node.
 */
public final class NodeJoiner implements OverlayJoiner {
    private final EventLoop loop;
    private final InetAddress bind;
    private final Function<String, NodeConfig> configs;
    private final Random random;
    private final long joinLimitMillis;

    /**
     * @param configs the node settings for an overlay name (they must match the overlay's own nodes); a
     *                config with an enrolment ({@link NodeConfig#secure()}) gives the node its certificate's id
     */
    public NodeJoiner(EventLoop loop, InetAddress bind, Function<String, NodeConfig> configs, Random random,
                      long joinLimitMillis) {
        this.loop = loop;
        this.bind = bind;
        this.configs = configs;
        this.random = random;
        this.joinLimitMillis = joinLimitMillis;
    }

    /** Nodes on {@code bind} with each overlay's default settings, each join limited to 10 s. */
    public static NodeJoiner on(InetAddress bind, EventLoop loop, Random random) {
        return new NodeJoiner(loop, bind, NodeConfig::defaults, random, 10_000);
    }

    @Override
    public CompletableFuture<Overlay> join(DomainEntry entry) {
        OverlayNode node;
        try {
            OverlayAlgorithm algorithm = InstalledAlgorithms.implementation(entry.algorithm());
            long seed;
            synchronized (random) {
                seed = random.nextLong();
            }
            Random nodeRandom = new Random(seed);
            NodeConfig config = configs.apply(entry.overlayName());
            // an enrolled node sits where its certificate says, never at an id of its choosing
            Key id = config.secure().map(OverlayTrust::nodeId).orElseGet(() -> Key.random(nodeRandom));
            node = new OverlayNode(algorithm, config, id,
                    new UdpTransport(loop, new InetSocketAddress(bind, 0)), loop, nodeRandom);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> joined = node.join(entry.bootstrapPeers());
        Timer limit = loop.schedule(joinLimitMillis,
                () -> joined.completeExceptionally(new TimeoutException("not joined within " + joinLimitMillis + " ms")));
        return joined.whenComplete((v, error) -> limit.cancel())
                .handle((v, error) -> {
                    if (error == null) return (Overlay) node;
                    node.halt();
                    throw new java.util.concurrent.CompletionException(error);
                });
    }
}
