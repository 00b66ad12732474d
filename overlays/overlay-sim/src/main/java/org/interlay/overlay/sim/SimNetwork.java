package org.interlay.overlay.sim;

import org.interlay.time.VirtualScheduler;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.interlay.overlay.Address;
import org.interlay.overlay.transport.DatagramHandler;
import org.interlay.overlay.transport.Transport;

/**
 * An in-memory network in virtual time: datagrams arrive after the latency model's delay, or not at
 * all when lost (seeded), cut off by a partition, or sent to or from a crashed node. An instance,
 * not a static registry: several networks can run in one JVM.
 *
 * <p>Simulated nodes get addresses in 127.64.0.0/10 with one port, so they read like the loopback
 * addresses of real nodes and can never mean a real remote host.
 */
public final class SimNetwork {
    private static final int BASE = (127 << 24) | (64 << 16);
    private static final int PORT = 4000;

    private final VirtualScheduler scheduler;
    private final LatencyModel latency;
    private final Random random;
    private final Map<Address, SimTransport> attached = new HashMap<>();
    private final Set<Address> partitioned = new HashSet<>();
    private double lossRate;
    private int nextHost;
    private long delivered, dropped, deliveredBytes;

    public SimNetwork(VirtualScheduler scheduler, LatencyModel latency, long seed) {
        this.scheduler = scheduler;
        this.latency = latency;
        this.random = new Random(seed);
    }

    public VirtualScheduler scheduler() {
        return scheduler;
    }

    /** A new node's transport, at a fresh address. */
    public SimTransport attach() {
        if (nextHost >= (1 << 22) - 2) throw new IllegalStateException("simulated address space exhausted");
        return attach(new Address(BASE + 1 + nextHost++, PORT));
    }

    /** A transport at an address given back: a node restarted where a crashed one was. */
    public SimTransport attach(Address a) {
        if (attached.containsKey(a)) throw new IllegalStateException(a + " is in use");
        SimTransport t = new SimTransport(a);
        attached.put(a, t);
        return t;
    }

    /** Every datagram is lost with this probability. */
    public void setLossRate(double rate) {
        if (rate < 0 || rate > 1) throw new IllegalArgumentException("loss rate must be in [0, 1]");
        lossRate = rate;
    }

    /** Cuts {@code side} off from the rest: datagrams between the two sides are dropped. */
    public void partition(Set<Address> side) {
        partitioned.clear();
        partitioned.addAll(side);
    }

    public void heal() {
        partitioned.clear();
    }

    /** The node at {@code a} stops at once: nothing more reaches it or leaves it. */
    public void crash(Address a) {
        SimTransport t = attached.remove(a);
        if (t != null) t.crashed = true;
    }

    public boolean isUp(Address a) {
        return attached.containsKey(a);
    }

    public long delivered() {
        return delivered;
    }

    /** Bytes of the datagrams delivered so far. */
    public long deliveredBytes() {
        return deliveredBytes;
    }

    public long dropped() {
        return dropped;
    }

    private void send(SimTransport from, Address to, byte[] datagram) {
        if (from.crashed) return;
        SimTransport target = attached.get(to);
        boolean cut = !partitioned.isEmpty() && partitioned.contains(from.address) != partitioned.contains(to);
        if (target == null || cut || (lossRate > 0 && random.nextDouble() < lossRate)) {
            dropped++;
            return;
        }
        scheduler.schedule(latency.latencyMillis(from.address, to), () -> {
            if (target.crashed) {
                dropped++;
                return;
            }
            delivered++;
            deliveredBytes += datagram.length;
            target.handler.onDatagram(from.address, datagram, 0, datagram.length);
        });
    }

    /** A node's endpoint on the simulated network. */
    public final class SimTransport implements Transport {
        private final Address address;
        private DatagramHandler handler = (f, d, o, l) -> { };
        private boolean crashed;

        private SimTransport(Address address) {
            this.address = address;
        }

        @Override
        public Address localAddress() {
            return address;
        }

        @Override
        public void send(Address to, byte[] datagram) {
            SimNetwork.this.send(this, to, datagram);
        }

        @Override
        public void setHandler(DatagramHandler handler) {
            this.handler = handler;
        }

        /** Closing a simulated transport is a crash: the node is gone from the network. */
        @Override
        public void close() {
            crash(address);
        }
    }
}
