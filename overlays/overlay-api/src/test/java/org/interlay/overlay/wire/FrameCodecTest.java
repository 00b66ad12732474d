package org.interlay.overlay.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.LookupResult;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.RouteStep;
import org.interlay.overlay.node.msg.ClientLookup;
import org.interlay.overlay.node.msg.ClientLookupReply;
import org.interlay.overlay.node.msg.ClientWelcome;
import org.interlay.overlay.node.msg.FetchRequest;
import org.interlay.overlay.node.msg.RouteReply;
import org.interlay.overlay.node.msg.RouteQuery;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
    private final Random random = new Random(11);
    private final FrameCodec codec = new FrameCodec()
            .register(RouteQuery.TYPE).register(RouteReply.TYPE).register(FetchRequest.TYPE);
    private final NodeRef sender = new NodeRef(Key.hash("sender"), new Address(0x7F000001, 4000));

    private NodeRef node(int i) {
        return new NodeRef(Key.hash("n" + i), new Address(0x7F000001, 5000 + i));
    }

    @Test
    void roundTripsEveryField() throws WireFormatException {
        Frame f = new Frame(42, FrameKind.RESPONSE, 0x1234_5678_9ABCL, sender, -5L,
                new RouteReply(RouteStep.forward(List.of(node(1), node(2), node(3)))));
        Frame back = codec.decode(codec.encode(f));
        assertEquals(f, back);
        Frame resolved = new Frame(-7, FrameKind.REQUEST, 1, sender, 0, new RouteReply(RouteStep.resolved(node(9))));
        assertEquals(resolved, codec.decode(codec.encode(resolved)));
    }

    @Test
    void aClientsRequestAndItsPeersAnswersRoundTrip() throws WireFormatException {
        FrameCodec withClients = new FrameCodec().register(ClientLookup.TYPE).register(ClientLookupReply.TYPE)
                .register(ClientWelcome.TYPE);
        Frame asked = new Frame(3, FrameKind.CLIENT_REQUEST, 8, sender, 1, new ClientLookup(Key.hash("alice")));
        assertEquals(asked, withClients.decode(withClients.encode(asked)));
        LookupResult result = new LookupResult(Key.hash("alice"), node(3), List.of(node(1), node(2), node(3)), 2, 2, 8, 41);
        Frame answer = new Frame(3, FrameKind.RESPONSE, 8, node(1), 1, new ClientLookupReply(result));
        assertEquals(answer, withClients.decode(withClients.encode(answer)));
        Frame welcome = new Frame(3, FrameKind.RESPONSE, 9, node(1), 1, new ClientWelcome(node(1), "kademlia"));
        assertEquals(welcome, withClients.decode(withClients.encode(welcome)));
    }

    @Test
    void everyTruncationIsATypedError() {
        byte[] good = codec.encode(new Frame(1, FrameKind.REQUEST, 5, sender, 0, new FetchRequest(Key.hash("k"), true)));
        for (int len = 0; len < good.length; len++) {
            byte[] cut = Arrays.copyOf(good, len);
            assertThrows(WireFormatException.class, () -> codec.decode(cut), "length " + len);
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThrows(WireFormatException.class, () -> codec.decode(longer), "trailing byte");
    }

    @Test
    void badHeaderFieldsAreRejected() {
        byte[] good = codec.encode(new Frame(1, FrameKind.ONEWAY, 0, sender, 0, new RouteQuery(Key.hash("k"))));
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertThrows(WireFormatException.class, () -> codec.decode(magic));
        byte[] version = good.clone();
        version[2] = 9;
        assertThrows(WireFormatException.class, () -> codec.decode(version));
        byte[] kind = good.clone();
        kind[7] = 0;
        assertThrows(WireFormatException.class, () -> codec.decode(kind));
        byte[] type = good.clone();
        type[8] = (byte) 200;
        assertThrows(WireFormatException.class, () -> codec.decode(type));
    }

    @Test
    void resolvedReplyMustNameTheResponsibleNode() {
        byte[] bytes = codec.encode(new Frame(1, FrameKind.RESPONSE, 2, sender, 0, new RouteReply(RouteStep.forward(List.of()))));
        bytes[FrameCodec.HEADER_BYTES] = 1; // claim "resolved" while listing no node
        assertThrows(WireFormatException.class, () -> codec.decode(bytes));
    }

    @Test
    void resolvedReplyCarriesItsBackups() throws WireFormatException {
        Frame frame = new Frame(1, FrameKind.RESPONSE, 2, sender, 9L,
                new RouteReply(RouteStep.resolved(node(1), List.of(node(2), node(3)))));
        RouteStep step = ((RouteReply) codec.decode(codec.encode(frame)).message()).step();
        assertEquals(RouteStep.resolved(node(1), List.of(node(2), node(3))), step);
    }

    @Test
    void randomAndMutatedInputNeverEscapesAsAnythingButWireFormatException() {
        byte[] good = codec.encode(new Frame(1, FrameKind.RESPONSE, 3, sender, 0,
                new RouteReply(RouteStep.forward(List.of(node(1), node(2))))));
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] input;
            if (i % 2 == 0) {
                input = new byte[random.nextInt(120)];
                random.nextBytes(input);
            } else {
                input = Arrays.copyOf(good, random.nextInt(good.length + 8));
                for (int flips = random.nextInt(4); flips >= 0; flips--) {
                    if (input.length > 0) input[random.nextInt(input.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            try {
                codec.decode(input);
            } catch (WireFormatException expected) {
                rejected++;
            } catch (RuntimeException e) {
                fail("input " + Arrays.toString(input) + " escaped as " + e);
            }
        }
        // Every random array fails the magic check; mutations of a good frame mostly fail too.
        assertEquals(true, rejected >= 10_000, "rejected " + rejected);
    }

    @Test
    void aTypeCodeCannotBeRegisteredTwice() {
        MessageType<RouteQuery> clash = new MessageType<>(RouteQuery.TYPE.code(), "clash", in -> new RouteQuery(in.key("k")));
        assertThrows(IllegalStateException.class, () -> codec.register(clash));
    }
}
