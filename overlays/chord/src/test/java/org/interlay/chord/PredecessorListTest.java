package org.interlay.chord;

import static org.interlay.chord.RingIds.OWNER;
import static org.interlay.chord.RingIds.key;
import static org.interlay.chord.RingIds.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PredecessorListTest {
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
