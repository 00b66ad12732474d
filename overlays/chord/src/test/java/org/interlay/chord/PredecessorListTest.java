package org.interlay.chord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.junit.jupiter.api.Test;

class PredecessorListTest {
    private static final Key OWNER = key(100);

    private static Key key(long v) {
        return Key.fromBigInteger(BigInteger.valueOf(v));
    }

    private static NodeRef node(long id) {
        return new NodeRef(key(id), new Address(0x7F000001, (int) (1 + id % 60_000)));
    }

    @Test
    void thePredecessorComesFirstThenTheNodesBeforeIt() {
        PredecessorList list = new PredecessorList(OWNER, 3);
        assertTrue(list.adopt(node(90), List.of(node(80), node(70), node(60))));
        assertEquals(List.of(node(90), node(80), node(70)), list.asList());
        assertEquals(node(90), list.first());
        assertFalse(list.adopt(node(90), List.of(node(80), node(70))));
    }

    @Test
    void theListStopsWhereItComesRoundToTheOwner() {
        PredecessorList list = new PredecessorList(OWNER, 8);
        list.adopt(node(90), List.of(node(80), node(100), node(95)));
        assertEquals(List.of(node(90), node(80)), list.asList());
        list.adopt(node(90), List.of(node(95)));
        assertEquals(List.of(node(90)), list.asList(), "an entry out of order ends the list");
    }

    @Test
    void eachPredecessorIsResponsibleForTheKeysUpToIt() {
        PredecessorList list = new PredecessorList(OWNER, 4);
        list.adopt(node(90), List.of(node(80), node(70)));
        assertNull(list.responsibleFor(key(95)), "between the predecessor and the owner: the owner's own");
        assertEquals(node(90), list.responsibleFor(key(85)));
        assertEquals(node(90), list.responsibleFor(key(90)));
        assertEquals(node(80), list.responsibleFor(key(71)));
        assertNull(list.responsibleFor(key(70)), "before the last entry nothing is known");
        assertEquals(List.of(node(90)), list.backupsFor(key(71), 2), "80's keys go to 90 (then to the owner)");
        assertEquals(List.of(), list.backupsFor(key(85), 2), "90's keys go to the owner");
    }

    @Test
    void aFailedPredecessorIsReplacedByTheOneBeforeIt() {
        PredecessorList list = new PredecessorList(OWNER, 4);
        list.adopt(node(90), List.of(node(80)));
        assertTrue(list.remove(node(90).address()));
        assertEquals(node(80), list.first());
        assertTrue(list.matches(List.of(key(80))));
        list.clear();
        assertNull(list.first());
    }
}
