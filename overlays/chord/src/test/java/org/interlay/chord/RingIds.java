package org.interlay.chord;

import java.math.BigInteger;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;

/** Small ids on the circle, and nodes with them, for the tests of the neighbour lists. */
final class RingIds {
    /** The node whose lists the tests fill. */
    static final Key OWNER = key(100);

    private RingIds() {}

    static Key key(long v) {
        return Key.fromBigInteger(BigInteger.valueOf(v));
    }

    static NodeRef node(long id) {
        return new NodeRef(key(id), new Address(0x7F000001, (int) (1 + id % 60_000)));
    }
}
