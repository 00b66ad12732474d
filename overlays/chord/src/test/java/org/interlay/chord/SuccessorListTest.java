package org.interlay.chord;

import static org.interlay.chord.RingIds.OWNER;
import static org.interlay.chord.RingIds.key;
import static org.interlay.chord.RingIds.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuccessorListTest {
    @Test
    void adoptingPutsTheSuccessorFirstAndKeepsAsManyAsFit() {
        SuccessorList list = new SuccessorList(OWNER, 3);
        assertTrue(list.adopt(node(110), List.of(node(120), node(130), node(140))));
        assertEquals(List.of(node(110), node(120), node(130)), list.asList());
        assertSame(list.first(), list.get(0));
        assertEquals(node(130), list.last());
        assertFalse(list.adopt(node(110), List.of(node(120), node(130))), "same list: no change");
    }

    @Test
    void theListStopsWhereItComesRoundToTheOwner() {
        SuccessorList list = new SuccessorList(OWNER, 8);
        list.adopt(node(110), List.of(node(120), node(100), node(105)));
        assertEquals(List.of(node(110), node(120)), list.asList());
        list.adopt(node(110), List.of(node(120), node(115)));
        assertEquals(List.of(node(110), node(120)), list.asList(), "an entry out of order ends the list");
    }

    @Test
    void theOwnerIsNeverItsOwnSuccessor() {
        SuccessorList list = new SuccessorList(OWNER, 4);
        list.adopt(node(100), List.of(node(110)));
        assertTrue(list.isEmpty());
        assertNull(list.first());
    }

    @Test
    void aFailedSuccessorIsReplacedByTheNextOne() {
        SuccessorList list = new SuccessorList(OWNER, 4);
        list.adopt(node(110), List.of(node(120), node(130)));
        assertTrue(list.remove(node(110).address()));
        assertEquals(node(120), list.first());
        assertFalse(list.remove(node(110).address()));
    }

    @Test
    void theFirstSuccessorAtOrPastAKeyIsResponsibleForIt() {
        SuccessorList list = new SuccessorList(OWNER, 4);
        list.adopt(node(110), List.of(node(120), node(130)));
        assertEquals(node(110), list.successorOf(key(105)));
        assertEquals(node(120), list.successorOf(key(120)));
        assertEquals(node(130), list.successorOf(key(125)));
        assertNull(list.successorOf(key(131)), "beyond the last successor");
        assertNull(list.successorOf(key(50)), "behind the owner");
        assertEquals(List.of(node(120), node(130)), list.backupsFor(key(105), 2), "who takes over should 110 have failed");
        assertEquals(List.of(node(130)), list.backupsFor(key(115), 2));
        assertEquals(List.of(), list.backupsFor(key(131), 2));
        assertEquals(1, list.lastBefore(key(125)));
        assertEquals(0, list.lastBefore(key(120)));
        assertEquals(-1, list.lastBefore(key(105)));
        assertEquals(2, list.lastBefore(key(500)));
    }

    @Test
    void theFirstFewAreTheReplicaSet() {
        SuccessorList list = new SuccessorList(OWNER, 4);
        list.adopt(node(110), List.of(node(120), node(130)));
        assertEquals(List.of(node(110), node(120)), list.first(2));
        assertEquals(3, list.first(9).size());
        assertTrue(list.matches(List.of(key(110), key(120), key(130))));
        assertFalse(list.matches(List.of(key(110), key(130))));
    }
}
