package org.interlay.overlay.node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;

/**
 * The state of one iterative lookup, with no I/O: the caller asks {@link #nextQueries()} whom to ask,
 * reports each answer or failure, and reads the outcome once {@link #isDone()}. The same machine
 * serves Chord and Pastry (one query at a time, ends when a node names the responsible one) and
 * Kademlia (alpha in flight, ends when no closer node turns up); the {@link Termination} says which.
 *
 * <p>With {@link Termination#SUCCESSOR_CONFIRMED} (Chord), a node named responsible by another is asked
 * too, and the lookup ends only when a node answers that it is responsible itself: the one named may
 * have failed, or a newcomer may have taken the key over, since the namer last heard. A named node
 * that does not answer gives way to the backups named with it (Chord's next successors); one that
 * names another sends the lookup on. The extra query goes to the node the caller is about to contact
 * anyway, and the hop to it was already counted. A named node that answers but neither confirms nor
 * names another (a Chord node that has no predecessor yet, in an overlay still forming) is followed
 * like any node that forwards; should no path confirm anyone, the lookup ends at the first such node,
 * which is alive and was named by a node that knew it.
 *
 * <p>A query not answered within the first retransmission timeout may be reported
 * {@linkplain #onSlow slow} (the driver does so for Kademlia's lookups): as the Kademlia paper has it
 * (section 2.3), "nodes that fail to respond quickly are removed from consideration until and unless
 * they do respond". It no longer holds a place among the queries in flight, and the lookup may end
 * without it; should it answer after all, the answer counts as any other. Only a lookup that would otherwise end without a node confirmed, or with no node but the
 * asking one, waits for slow queries; so a dead node costs one timeout, not the whole series of
 * retransmissions.
 *
 * <p>Each candidate remembers its depth (forwardings from the asking node) and who named it, so the
 * outcome carries the route and its hop count.
 */
public final class IterativeLookup {
    private enum State { NEW, IN_FLIGHT, SLOW, ANSWERED, FAILED }

    private static final class Candidate {
        final NodeRef node;
        final int depth;
        final Candidate via;
        State state = State.NEW;
        boolean namedResponsible;

        Candidate(NodeRef node, int depth, Candidate via) {
            this.node = node;
            this.depth = depth;
            this.via = via;
        }
    }

    /** How it ended: the responsible node (empty when every path failed), the route, and its cost. */
    public record Outcome(Optional<NodeRef> responsible, List<NodeRef> route, int hops, int rounds,
                          List<NodeRef> closest) {}

    private final Key target;
    private final LookupStyle style;
    private final Termination termination;
    private final Map<Key, Candidate> candidates = new HashMap<>();
    private final List<Candidate> ranked = new ArrayList<>();
    /** Named responsible (then its backups), to be asked before any other candidate. */
    private final Deque<Candidate> named = new ArrayDeque<>();
    /** The first named node that answered without confirming: the answer when nobody confirms. */
    private Candidate unconfirmed;
    private final Candidate origin;
    /** Queries in flight that are not slow: these count against the style's parallelism. */
    private int inFlight;
    private int slow;
    private int rounds;
    private Outcome outcome;

    /** Starts from the asking node's own routing decision, looking for the responsible node. */
    public IterativeLookup(Key target, NodeRef self, LookupStyle style, RouteStep local) {
        this(target, self, style, local, style.termination());
    }

    /** Starts from the asking node's own routing decision; ends as {@code termination} says. */
    public IterativeLookup(Key target, NodeRef self, LookupStyle style, RouteStep local, Termination termination) {
        this.target = target;
        this.style = style;
        this.termination = termination;
        this.origin = new Candidate(self, 0, null);
        origin.state = State.ANSWERED;
        candidates.put(self.id(), origin);
        if (!termination.needsResolution()) ranked.add(origin);
        onStep(origin, local);
    }

    public boolean isDone() {
        return outcome != null;
    }

    /** Queries sent and neither answered nor failed yet, slow ones included (after the end, their answers are ignored). */
    public int inFlight() {
        return inFlight + slow;
    }

    public Outcome outcome() {
        if (outcome == null) throw new IllegalStateException("lookup still running");
        return outcome;
    }

    /** Nodes to ask now; each is then in flight until {@link #onAnswer} or {@link #onFailure}. */
    public List<NodeRef> nextQueries() {
        List<NodeRef> out = new ArrayList<>();
        checkFinished();
        if (outcome != null) return out;
        while (!named.isEmpty() && inFlight < style.parallelism()) {
            Candidate c = named.poll();
            if (c.state == State.NEW) ask(c, out);
        }
        if (!out.isEmpty()) return out;
        int window = termination.needsResolution() ? ranked.size() : Math.min(style.resultSize(), ranked.size());
        int live = 0;
        for (int i = 0; i < ranked.size() && inFlight < style.parallelism(); i++) {
            Candidate c = ranked.get(i);
            if (c.state == State.FAILED || c.state == State.SLOW) continue;
            if (live++ >= window) break;
            if (c.state == State.NEW) ask(c, out);
        }
        checkFinished();
        return out;
    }

    private void ask(Candidate c, List<NodeRef> out) {
        c.state = State.IN_FLIGHT;
        inFlight++;
        rounds = Math.max(rounds, c.depth);
        out.add(c.node);
    }

    public void onAnswer(NodeRef from, RouteStep step) {
        Candidate c = settle(from, State.ANSWERED);
        if (c == null) return;
        onStep(c, step);
        checkFinished();
    }

    public void onFailure(NodeRef from) {
        if (settle(from, State.FAILED) != null) checkFinished();
    }

    /**
     * The query to {@code from} has waited longer than a node that is alive takes to answer: it is set
     * aside (it no longer counts against the parallelism, and the lookup may end without it) but an
     * answer that still comes is used.
     */
    public void onSlow(NodeRef from) {
        Candidate c = candidates.get(from.id());
        if (c == null || c.state != State.IN_FLIGHT || outcome != null) return;
        c.state = State.SLOW;
        inFlight--;
        slow++;
        checkFinished();
    }

    /** Moves the query to {@code from} out of flight into {@code state}; null if it was not in flight. */
    private Candidate settle(NodeRef from, State state) {
        Candidate c = candidates.get(from.id());
        if (c == null || outcome != null) return null;
        if (c.state == State.IN_FLIGHT) {
            inFlight--;
        } else if (c.state == State.SLOW) {
            slow--;
        } else {
            return null;
        }
        c.state = state;
        return c;
    }

    private void onStep(Candidate from, RouteStep step) {
        if (step instanceof RouteStep.Resolved r) {
            if (r.responsible().id().equals(from.node.id())) {
                endAt(from);
                return;
            }
            if (termination != Termination.SUCCESSOR_CONFIRMED) {
                endAt(new Candidate(r.responsible(), from.depth + 1, from));
                return;
            }
            named.clear();
            name(r.responsible(), from);
            for (NodeRef backup : r.backups()) name(backup, from);
        } else if (step instanceof RouteStep.Forward f) {
            if (from.namedResponsible && unconfirmed == null) unconfirmed = from;
            named.clear(); // a named node that forwards is not responsible, and knows better than its namer
            for (NodeRef n : f.closer()) add(n, from);
        }
    }

    /** Queues {@code node}, named by {@code via}, to be asked next; one that already answered has had its say. */
    private void name(NodeRef node, Candidate via) {
        Candidate c = candidates.computeIfAbsent(node.id(), id -> new Candidate(node, via.depth + 1, via));
        if (c.state == State.NEW) {
            c.namedResponsible = true;
            named.add(c);
        }
    }

    private void add(NodeRef node, Candidate via) {
        if (candidates.containsKey(node.id())) return;
        Candidate c = new Candidate(node, via.depth + 1, via);
        candidates.put(node.id(), c);
        int i = 0;
        while (i < ranked.size() && style.order().compare(target, ranked.get(i).node.id(), node.id()) <= 0) i++;
        ranked.add(i, c);
    }

    private void checkFinished() {
        if (outcome != null) return;
        if (termination == Termination.CLOSEST_ANSWERED && closestHasAnswered()) return;
        if (inFlight > 0) return;
        for (Candidate c : named) if (c.state == State.NEW) return;
        int window = termination.needsResolution() ? ranked.size() : style.resultSize();
        List<Candidate> best = new ArrayList<>();
        for (Candidate c : ranked) {
            if (c.state == State.FAILED || c.state == State.SLOW) continue;
            if (c.state == State.NEW) return; // still someone worth asking
            best.add(c);
            if (best.size() == window) break;
        }
        if (slow > 0 && (termination.needsResolution() || best.stream().allMatch(c -> c == origin))) {
            return; // nothing better to go on than the asking node itself: wait for the slow ones
        }
        if (termination.needsResolution() && unconfirmed != null) {
            endAt(unconfirmed);
            return;
        }
        if (termination.needsResolution() || best.isEmpty()) {
            outcome = new Outcome(Optional.empty(), List.of(), 0, rounds, List.of());
            return;
        }
        Candidate closest = best.get(0);
        outcome = new Outcome(Optional.of(closest.node), routeTo(closest), closest.depth, rounds,
                best.stream().map(c -> c.node).toList());
    }

    /** Ends the lookup when the closest live candidate has answered: nobody it named is closer. */
    private boolean closestHasAnswered() {
        for (Candidate c : ranked) {
            if (c.state == State.FAILED || c.state == State.SLOW) continue;
            if (c.state != State.ANSWERED) return false;
            endAt(c);
            return true;
        }
        return false;
    }

    /** Ends the lookup at {@code end}, the responsible node, with the route that led to it. */
    private void endAt(Candidate end) {
        outcome = new Outcome(Optional.of(end.node), routeTo(end), end.depth, rounds, List.of(end.node));
    }

    private static List<NodeRef> routeTo(Candidate end) {
        Deque<NodeRef> path = new ArrayDeque<>();
        for (Candidate c = end; c != null; c = c.via) path.addFirst(c.node);
        return List.copyOf(path);
    }
}
