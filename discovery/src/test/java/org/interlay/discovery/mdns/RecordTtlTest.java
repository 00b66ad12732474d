package org.interlay.discovery.mdns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.interlay.discovery.AdvertKey;
import org.interlay.discovery.Adverts;
import org.interlay.discovery.Departure;
import org.interlay.discovery.DiscoveryListener;
import org.interlay.discovery.DnsSdAdvertCodec;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.Source;
import org.interlay.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every record this node publishes over mDNS carries a TTL of at most
 * 120 s, so a node that crashes leaves standard browsers
 * within about two minutes (RFC 6762 §10). Listens to the announcements on 224.0.0.251 on loopback
 * only (joined and sent on 127.0.0.1) and decodes them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordTtlTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final DiscoveryListener IGNORED = new DiscoveryListener() {
        @Override
        public void found(OverlayAdvert advert, Source source) {
        }

        @Override
        public void changed(OverlayAdvert advert, Source source) {
        }

        @Override
        public void expired(AdvertKey key, Source source, Departure departure) {
        }
    };

    @Test
    void everyAnnouncedRecordHasTtlAtMostTwoMinutes() throws Exception {
        String tag = "ttl" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        OverlayAdvert advert = Adverts.peer(tag, Adverts.CHORD, "n4000", "127.0.0.1:4000", "127.0.0.1:5060");
        String instance = DnsSdAdvertCodec.instanceName(advert) + "." + DnsSdAdvertCodec.SERVICE_TYPE;
        String host = tag + "-host.local.";
        Map<String, Long> ttlByRecord = new TreeMap<>();

        InetSocketAddress group = new InetSocketAddress(InetAddress.getByName("224.0.0.251"), 5353);
        NetworkInterface lo = NetworkInterface.getByInetAddress(LOOPBACK);
        try (MulticastSocket listener = new MulticastSocket(5353)) {
            listener.setNetworkInterface(lo);
            listener.joinGroup(group, lo);
            listener.setSoTimeout(500);
            JmDnsDiscoverer mdns = new JmDnsDiscoverer(MdnsConfig.loopback(tag + "-host"), Clock.system());
            try {
                mdns.start(IGNORED);
                mdns.advertise(advert);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                byte[] buffer = new byte[9000];
                while (ttlByRecord.size() < 4 && System.nanoTime() < deadline) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    try {
                        listener.receive(packet);
                    } catch (SocketTimeoutException e) {
                        continue;
                    }
                    for (DnsRecords.Record r : DnsRecords.answers(packet.getData(), packet.getLength())) {
                        boolean ours = r.owner().equalsIgnoreCase(instance) || r.owner().equalsIgnoreCase(host)
                                || r.type() == DnsRecords.PTR && r.target().equalsIgnoreCase(instance);
                        if (ours && r.ttl() > 0) {
                            ttlByRecord.merge(DnsRecords.typeName(r.type()), r.ttl(), Math::max);
                        }
                    }
                }
            } finally {
                mdns.close();
                listener.leaveGroup(group, lo);
            }
        }
        System.out.println("mDNS record TTLs announced (s): " + ttlByRecord);
        assertEquals("[A, PTR, SRV, TXT]", ttlByRecord.keySet().toString(), "records seen: " + ttlByRecord);
        ttlByRecord.forEach((type, ttl) -> assertTrue(ttl <= 120, type + " announced with TTL " + ttl + " s"));
    }
}
