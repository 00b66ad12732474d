package org.interlay.discovery.netns;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;

import org.interlay.discovery.DnsSdAdvertCodec;
import org.interlay.discovery.TxtRecord;
import org.interlay.discovery.jgroups.Beacon;
import org.interlay.discovery.jgroups.BeaconCodec;
import org.interlay.discovery.jgroups.JGroupsConfig;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.Adverts;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.NodeRole;
import org.jgroups.BytesMessage;
import org.jgroups.EmptyMessage;
import org.jgroups.JChannel;
import org.jgroups.ObjectMessage;

/**
 * A badly behaved neighbour on the test LAN, one behaviour per run:
 * {@code malformed-txt}, {@code foreign} (services of our type that are not ours or only half ours),
 * {@code garbage} (random datagrams to the mDNS and group ports), {@code stranger} (a group member
 * that is not Interlay). Prints {@code DONE} when it has done its worst, then stays until stdin closes.
 * Arguments: MODE BIND_ADDRESS.
 */
public final class HostileNeighbourMain {

    private static final String TYPE = DnsSdAdvertCodec.SERVICE_TYPE;

    private HostileNeighbourMain() {
    }

    public static void main(String[] args) throws Exception {
        InetAddress bind = InetAddress.getByName(args[1]);
        AutoCloseable running = switch (args[0]) {
            case "malformed-txt" -> publish(bind, Map.of("chord [truncated]", truncatedTxt(), "chord [latin1]", notUtf8Txt()));
            case "foreign" -> publish(bind, foreignServices());
            case "garbage" -> sendGarbage(bind);
            case "stranger" -> joinAsStranger();
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        };
        System.out.println("DONE");
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // stay until the test closes our stdin
        }
        running.close();
        System.exit(0);
    }

    private static AutoCloseable publish(InetAddress bind, Map<String, byte[]> services) throws Exception {
        JmDNS jmdns = JmDNS.create(bind, "hostile");
        for (Map.Entry<String, byte[]> service : services.entrySet()) {
            jmdns.registerService(ServiceInfo.create(TYPE, service.getKey(), 4000, 0, 0, service.getValue()));
        }
        return jmdns;
    }

    /** A record whose last string claims more bytes than there are. */
    private static byte[] truncatedTxt() {
        byte[] valid = txt(valid("chord", "chord"));
        byte[] broken = new byte[valid.length + 3];
        System.arraycopy(valid, 0, broken, 0, valid.length);
        broken[valid.length] = 60;
        broken[valid.length + 1] = 'x';
        broken[valid.length + 2] = '=';
        return broken;
    }

    private static byte[] notUtf8Txt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] valid = txt(valid("chord", "chord"));
        out.write(valid, 0, valid.length);
        byte[] bad = "note=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        out.write(bad.length);
        out.write(bad, 0, bad.length);
        return out.toByteArray();
    }

    private static Map<String, byte[]> foreignServices() {
        Map<String, byte[]> services = new LinkedHashMap<>();
        services.put("Lobby printer", txt(Map.of("txtvers", "1", "note", "lobby")));
        Map<String, String> half = valid("kad", "kademlia");
        half.remove("boot");
        services.put("kad [half]", txt(half));
        Map<String, String> gossip = valid("kad", "Gossip!");
        services.put("kad [gossip]", txt(gossip));
        Map<String, String> future = valid("kad", "kademlia");
        future.put("v", "2");
        services.put("kad [future]", txt(future));
        Map<String, String> badPort = valid("kad", "kademlia");
        badPort.put("boot", "10.0.0.1:99999");
        services.put("kad [badport]", txt(badPort));
        return services;
    }

    private static Map<String, String> valid(String overlay, String algorithm) {
        Map<String, String> txt = new LinkedHashMap<>();
        txt.put("ov", overlay);
        txt.put("algo", algorithm);
        txt.put("domain", overlay + ".lab");
        txt.put("boot", "127.0.0.1:4000");
        txt.put("sip", "127.0.0.1:5060");
        txt.put("role", "peer");
        txt.put("v", "1");
        return txt;
    }

    private static byte[] txt(Map<String, String> pairs) {
        return TxtRecord.of(pairs).encode();
    }

    private static AutoCloseable sendGarbage(InetAddress bind) throws Exception {
        Random random = new Random(7);
        try (MulticastSocket socket = new MulticastSocket(new InetSocketAddress(bind, 0))) {
            socket.setNetworkInterface(NetworkInterface.getByInetAddress(bind));
            socket.setTimeToLive(1);
            List<InetSocketAddress> targets = List.of(
                    new InetSocketAddress("224.0.0.251", 5353),
                    new InetSocketAddress(bind, 5353),
                    new InetSocketAddress("239.255.77.77", JGroupsConfig.DEFAULT_MULTICAST_PORT));
            for (InetSocketAddress target : targets) {
                for (int i = 0; i < 40; i++) {
                    byte[] noise = new byte[1 + random.nextInt(300)];
                    random.nextBytes(noise);
                    socket.send(new DatagramPacket(noise, noise.length, target));
                }
                byte[] liar = {0, 0, (byte) 0x84, 0, 0, 0, 0, 9, 0, 0, 0, 0}; // a response header promising 9 answers
                socket.send(new DatagramPacket(liar, liar.length, target));
            }
        }
        return () -> { };
    }

    private static AutoCloseable joinAsStranger() throws Exception {
        JChannel stranger = new JChannel(HostileNeighbourMain.class.getClassLoader().getResourceAsStream(JGroupsConfig.UDP_STACK));
        stranger.connect(JGroupsConfig.DEFAULT_CLUSTER);
        stranger.send(new BytesMessage(null, "hello, is this the chat group?".getBytes(StandardCharsets.UTF_8)));
        stranger.send(new ObjectMessage(null, List.of("not", "a", "beacon")));
        stranger.send(new EmptyMessage(null));
        OverlayAdvert fake = OverlayAdvert.of("kad", Adverts.KADEMLIA, "kad.lab", List.of(new HostPort("127.0.0.1", 4000)),
                List.of(), NodeRole.PEER, "stranger");
        String beacon = new String(BeaconCodec.encode(Beacon.serving(List.of(fake))), StandardCharsets.ISO_8859_1);
        stranger.send(new BytesMessage(null, beacon.replace("v=1", "v=9").getBytes(StandardCharsets.ISO_8859_1)));
        return stranger;
    }
}
