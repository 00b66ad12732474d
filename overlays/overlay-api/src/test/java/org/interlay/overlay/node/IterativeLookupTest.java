package org.interlay.overlay.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.junit.jupiter.api.Test;

/**
 * The lookup state machine driven by hand: which nodes it asks, in what order, and when it ends, for
 * a Kademlia-like style (alpha 3, k 4, XOR) and a Chord-like one (one at a time, needs resolution).
 */
class IterativeLookupTest {
    private static final LookupStyle XOR_STYLE = new LookupStyle(3, 4, DistanceOrder.XOR, Termination.CLOSEST_ANSWERED);
    private static final Key TARGET = Key.ZERO;

    /** A node at XOR distance {@code d} from the target (the target is zero). */
    private static NodeRef at(long d) {
        return new NodeRef(Key.fromBigInteger(java.math.BigInteger.valueOf(d)), new Address(0x7f000001, (int) (1000 + d % 60000)));
    }

    private static final NodeRef SELF = at(1_000_000);

    @Test
    void closestAnsweredEndsWhenTheClosestCandidateAnsweredWithNothingCloser() {
        IterativeLookup lookup = new IterativeLookup(TARGET, SELF, XOR_STYLE,
                RouteStep.forward(List.of(at(50), at(60), at(70), at(80), at(90))));
        assertEquals(List.of(at(50), at(60), at(70)), lookup.nextQueries());
        lookup.onAnswer(at(60), RouteStep.forward(List.of(at(10), at(55))));
        assertEquals(List.of(at(10)), lookup.nextQueries(), "the newly heard closest node is asked next");
        lookup.onAnswer(at(10), RouteStep.forward(List.of(at(50), at(55))));
        assertTrue(lookup.isDone(), "nothing closer than 10 was named, so 10 is responsible");
        assertEquals(at(10), lookup.outcome().responsible().orElseThrow());
        assertEquals(List.of(SELF, at(60), at(10)), lookup.outcome().route());
        assertEquals(2, lookup.outcome().hops());
        assertEquals(2, lookup.inFlight(), "50 and 70 were still in flight; their answers no longer matter");
        lookup.onAnswer(at(50), RouteStep.forward(List.of(at(1))));
        assertEquals(at(10), lookup.outcome().responsible().orElseThrow());
    }

    @Test
    void closestAnsweredWaitsWhileACloserCandidateIsInFlight() {
        IterativeLookup lookup = new IterativeLookup(TARGET, SELF, XOR_STYLE,
                RouteStep.forward(List.of(at(50), at(60), at(70))));
        lookup.nextQueries();
        lookup.onAnswer(at(60), RouteStep.forward(List.of()));
        assertFalse(lookup.isDone(), "50 is closer than 60 and has not answered");
        lookup.onFailure(at(50));
        assertTrue(lookup.isDone(), "50 failed: 60 is the closest live candidate and has answered");
        assertEquals(at(60), lookup.outcome().responsible().orElseThrow());
    }

    @Test
    void aSlowQueryIsSetAsideSoTheLookupEndsWithoutIt() {
        IterativeLookup lookup = new IterativeLookup(TARGET, SELF, XOR_STYLE,
                RouteStep.forward(List.of(at(50), at(60), at(70), at(80))));
        assertEquals(List.of(at(50), at(60), at(70)), lookup.nextQueries());
        lookup.onSlow(at(50));
        assertEquals(List.of(at(80)), lookup.nextQueries(), "50 no longer holds a place among the three in flight");
        assertEquals(4, lookup.inFlight(), "50 is still counted as in flight");
        lookup.onAnswer(at(60), RouteStep.forward(List.of()));
        assertTrue(lookup.isDone(), "60 is the closest candidate still considered, and it answered");
        assertEquals(at(60), lookup.outcome().responsible().orElseThrow());
    }

    @Test
    void aSlowQueryThatAnswersAfterAllIsConsideredAgain() {
        IterativeLookup lookup = new IterativeLookup(TARGET, SELF, XOR_STYLE,
                RouteStep.forward(List.of(at(50), at(60))));
        lookup.nextQueries();
        lookup.onSlow(at(50));
        lookup.onAnswer(at(50), RouteStep.forward(List.of(at(5))));
        assertFalse(lookup.isDone(), "60 has not answered, and 50 named 5");
        assertEquals(List.of(at(5)), lookup.nextQueries());
        lookup.onAnswer(at(5), RouteStep.forward(List.of()));
        assertEquals(at(5), lookup.outcome().responsible().orElseThrow());
        assertEquals(List.of(SELF, at(50), at(5)), lookup.outcome().route());
    }

    @Test
    void withNobodyButItselfToGoOnTheLookupWaitsForTheSlowQuery() {
        IterativeLookup lookup = new IterativeLookup(TARGET, SELF, XOR_STYLE, RouteStep.forward(List.of(at(50))),
                Termination.K_CLOSEST_ANSWERED);
        lookup.nextQueries();
        lookup.onSlow(at(50));
        assertFalse(lookup.isDone(), "ending now would leave the asking node alone");
        lookup.onFailure(at(50));
        assertTrue(lookup.isDone());
        assertEquals(List.of(SELF), lookup.outcome().closest());
    }

    @Test
    void kClosestAnsweredEndsOnlyWhenTheKClosestHaveAllAnswered() {
        IterativeLookup lookup = new IterativeLookup(TARGET, SELF, XOR_STYLE,
                RouteStep.forward(List.of(at(50), at(60), at(70), at(80), at(90))), Termination.K_CLOSEST_ANSWERED);
        assertEquals(List.of(at(50), at(60), at(70)), lookup.nextQueries());
        lookup.onAnswer(at(50), RouteStep.forward(List.of()));
        assertFalse(lookup.isDone());
        assertEquals(List.of(at(80)), lookup.nextQueries());
        lookup.onAnswer(at(60), RouteStep.forward(List.of()));
        lookup.onAnswer(at(70), RouteStep.forward(List.of()));
        assertFalse(lookup.isDone(), "80, the fourth closest, is still in flight");
        assertTrue(lookup.nextQueries().isEmpty(), "90 is not among the 4 closest and is never asked");
        lookup.onAnswer(at(80), RouteStep.forward(List.of()));
        assertTrue(lookup.isDone());
        assertEquals(List.of(at(50), at(60), at(70), at(80)), lookup.outcome().closest());
        assertEquals(at(50), lookup.outcome().responsible().orElseThrow());
    }

    @Test
    void theAskingNodeIsResponsibleWhenItKnowsNobodyCloser() {
        IterativeLookup lookup = new IterativeLookup(TARGET, at(5), XOR_STYLE, RouteStep.forward(List.of(at(50))));
        assertTrue(lookup.nextQueries().isEmpty(), "nobody is asked");
        assertTrue(lookup.isDone());
        assertEquals(at(5), lookup.outcome().responsible().orElseThrow());
        assertEquals(0, lookup.outcome().hops());
    }

    @Test
    void aStyleThatNeedsResolutionEndsWhenSomeoneNamesTheResponsibleNode() {
        LookupStyle oneAtATime = new LookupStyle(1, 1, DistanceOrder.XOR, Termination.ROOT_NAMED);
        IterativeLookup lookup = new IterativeLookup(TARGET, SELF, oneAtATime, RouteStep.forward(List.of(at(50), at(60))));
        assertEquals(List.of(at(50)), lookup.nextQueries());
        lookup.onAnswer(at(50), RouteStep.forward(List.of()));
        assertFalse(lookup.isDone(), "answering without a resolution does not end it");
        assertEquals(List.of(at(60)), lookup.nextQueries());
        lookup.onAnswer(at(60), RouteStep.resolved(at(7)));
        assertTrue(lookup.isDone());
        assertEquals(at(7), lookup.outcome().responsible().orElseThrow());
        assertEquals(List.of(SELF, at(60), at(7)), lookup.outcome().route());
    }

    private static final LookupStyle CONFIRMING = new LookupStyle(1, 1, DistanceOrder.XOR, Termination.SUCCESSOR_CONFIRMED);

    @Test
    void aConfirmingStyleAsksTheNamedNodeAndEndsWhenItSaysItIsResponsible() {
        IterativeLookup lookup = new IterativeLookup(TARGET, SELF, CONFIRMING, RouteStep.forward(List.of(at(60))));
        assertEquals(List.of(at(60)), lookup.nextQueries());
        lookup.onAnswer(at(60), RouteStep.resolved(at(7), List.of(at(8))));
        assertFalse(lookup.isDone(), "named, not yet confirmed");
        assertEquals(List.of(at(7)), lookup.nextQueries());
        lookup.onAnswer(at(7), RouteStep.resolved(at(7)));
        assertTrue(lookup.isDone());
        assertEquals(at(7), lookup.outcome().responsible().orElseThrow());
        assertEquals(List.of(SELF, at(60), at(7)), lookup.outcome().route());
        assertEquals(2, lookup.outcome().hops(), "confirming adds no hop: the forwarding to 7 was counted anyway");
    }

    @Test
    void aNamedNodeThatFailedGivesWayToItsBackups() {
        IterativeLookup lookup = new IterativeLookup(TARGET, SELF, CONFIRMING, RouteStep.forward(List.of(at(60))));
        lookup.nextQueries();
        lookup.onAnswer(at(60), RouteStep.resolved(at(7), List.of(at(8), at(9))));
        assertEquals(List.of(at(7)), lookup.nextQueries());
        lookup.onFailure(at(7));
        assertEquals(List.of(at(8)), lookup.nextQueries(), "the first backup takes over");
        lookup.onAnswer(at(8), RouteStep.resolved(at(8)));
        assertEquals(at(8), lookup.outcome().responsible().orElseThrow());
    }

    @Test
    void aNamedNodeThatKnowsANewcomerSendsTheLookupOn() {
        IterativeLookup lookup = new IterativeLookup(TARGET, SELF, CONFIRMING, RouteStep.resolved(at(7), List.of(at(8))));
        assertEquals(List.of(at(7)), lookup.nextQueries(), "even the asking node's own resolution is confirmed");
        lookup.onAnswer(at(7), RouteStep.resolved(at(6)));
        assertEquals(List.of(at(6)), lookup.nextQueries(), "7 knows 6 took the key over; 8 is no longer asked");
        lookup.onAnswer(at(6), RouteStep.resolved(at(6)));
        assertEquals(at(6), lookup.outcome().responsible().orElseThrow());
        assertEquals(List.of(SELF, at(7), at(6)), lookup.outcome().route());
    }

    @Test
    void aNamedNodeThatAnswersWithoutConfirmingIsTheAnswerWhenNobodyConfirms() {
        IterativeLookup lookup = new IterativeLookup(TARGET, SELF, CONFIRMING, RouteStep.forward(List.of(at(60))));
        lookup.nextQueries();
        lookup.onAnswer(at(60), RouteStep.resolved(at(7)));
        assertEquals(List.of(at(7)), lookup.nextQueries());
        lookup.onAnswer(at(7), RouteStep.forward(List.of(at(30))));
        assertEquals(List.of(at(30)), lookup.nextQueries(), "7 does not confirm (no predecessor yet): its lead is followed");
        lookup.onAnswer(at(30), RouteStep.forward(List.of()));
        assertTrue(lookup.isDone());
        assertEquals(at(7), lookup.outcome().responsible().orElseThrow(), "alive, and named by a node that knew it");
    }

    @Test
    void whenEveryNamedNodeFailsTheLookupFails() {
        IterativeLookup lookup = new IterativeLookup(TARGET, SELF, CONFIRMING, RouteStep.resolved(at(7), List.of(at(8))));
        lookup.nextQueries();
        lookup.onFailure(at(7));
        lookup.nextQueries();
        lookup.onFailure(at(8));
        assertTrue(lookup.nextQueries().isEmpty());
        assertTrue(lookup.isDone());
        assertTrue(lookup.outcome().responsible().isEmpty(), "never a node nobody vouched for");
    }

    @Test
    void everyPathFailingEndsWithoutAResponsibleNode() {
        LookupStyle oneAtATime = new LookupStyle(1, 1, DistanceOrder.XOR, Termination.ROOT_NAMED);
        IterativeLookup lookup = new IterativeLookup(TARGET, SELF, oneAtATime, RouteStep.forward(List.of(at(50))));
        lookup.nextQueries();
        lookup.onFailure(at(50));
        assertTrue(lookup.isDone());
        assertTrue(lookup.outcome().responsible().isEmpty());
    }
}
