package org.interlay.chord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.interlay.chord.msg.FindSuccessor;
import org.interlay.chord.msg.FoundSuccessor;
import org.interlay.chord.msg.Leaving;
import org.interlay.chord.msg.NeighboursReply;
import org.interlay.chord.msg.NeighboursQuery;
import org.interlay.chord.msg.SuccessorHint;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.wire.Frame;
import org.interlay.overlay.wire.FrameCodec;
import org.interlay.overlay.wire.FrameKind;
import org.interlay.overlay.wire.Message;
import org.interlay.overlay.wire.WireFormatException;
import org.junit.jupiter.api.Test;

class ChordMessagesTest {
    private final Random random = new Random(11);
    private final FrameCodec codec = new FrameCodec().register(FindSuccessor.TYPE).register(FoundSuccessor.TYPE)
            .register(NeighboursQuery.TYPE).register(NeighboursReply.TYPE).register(Leaving.TYPE)
            .register(SuccessorHint.TYPE);
    private final NodeRef sender = node();

    private NodeRef node() {
        return new NodeRef(Key.random(random), new Address(random.nextInt(), 1 + random.nextInt(65_535)));
    }

    private List<NodeRef> nodes(int n) {
        List<NodeRef> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(node());
        return out;
    }

    private byte[] encode(Message m) {
        return codec.encode(new Frame(42, FrameKind.REQUEST, 7, sender, 0, m));
    }

    private Message roundTrip(Message m) throws WireFormatException {
        return codec.decode(encode(m)).message();
    }

    @Test
    void everyMessageComesBackAsItWent() throws WireFormatException {
        List<Message> messages = List.of(new FindSuccessor(Key.random(random)), new FoundSuccessor(node()),
                NeighboursQuery.stabilize(nodes(8)), NeighboursQuery.join(), NeighboursQuery.predecessorOnly(),
                new NeighboursReply(nodes(8), nodes(16), nodes(20)), new NeighboursReply(List.of(), List.of(), List.of()),
                new Leaving(nodes(8), nodes(16)), new Leaving(List.of(), List.of()), new SuccessorHint(node()));
        for (Message m : messages) assertEquals(m, roundTrip(m));
    }

    @Test
    void everyTruncationIsATypedError() {
        byte[] whole = encode(new NeighboursReply(nodes(8), nodes(16), nodes(20)));
        for (int cut = 0; cut < whole.length; cut++) {
            byte[] part = Arrays.copyOf(whole, cut);
            assertThrows(WireFormatException.class, () -> codec.decode(part), "cut at " + cut);
        }
    }

    @Test
    void unknownFlagsAndOverlongListsAreRejected() {
        byte[] request = encode(NeighboursQuery.join());
        request[FrameCodec.HEADER_BYTES] = (byte) 0x88;
        assertThrows(WireFormatException.class, () -> codec.decode(request));

        byte[] reply = encode(new NeighboursReply(List.of(), nodes(2), List.of()));
        reply[FrameCodec.HEADER_BYTES + 1] = (byte) (NeighboursReply.MAX_SUCCESSORS + 1); // successor count
        assertThrows(WireFormatException.class, () -> codec.decode(reply));
    }

    @Test
    void aReplyNamesThePredecessorsBetweenTheAskerAndTheReplier() {
        Key asker = Key.ZERO.add(Key.powerOfTwo(10));
        Key replier = Key.ZERO.add(Key.powerOfTwo(20));
        NodeRef near = new NodeRef(Key.ZERO.add(Key.powerOfTwo(19)), new Address(1, 1));
        NodeRef nearer = new NodeRef(Key.ZERO.add(Key.powerOfTwo(15)), new Address(1, 2));
        NodeRef behind = new NodeRef(Key.ZERO.add(Key.powerOfTwo(5)), new Address(1, 3));
        NeighboursReply reply = new NeighboursReply(List.of(near, nearer, behind), List.of(), List.of());
        assertEquals(List.of(near, nearer), reply.predecessorsBetween(asker, replier));
        assertEquals(near, reply.predecessor());
        assertEquals(List.of(), new NeighboursReply(List.of(behind), List.of(), List.of()).predecessorsBetween(asker, replier));
    }

    @Test
    void randomBytesAfterAValidHeaderNeverEscapeAsAnotherException() {
        byte[] valid = encode(new Leaving(nodes(2), nodes(3)));
        for (int i = 0; i < 2_000; i++) {
            byte[] junk = Arrays.copyOf(valid, FrameCodec.HEADER_BYTES + random.nextInt(120));
            for (int j = FrameCodec.HEADER_BYTES; j < junk.length; j++) junk[j] = (byte) random.nextInt();
            try {
                codec.decode(junk);
            } catch (WireFormatException expected) {
                // counted and dropped by the receiver
            }
        }
    }
}
