package org.interlay.overlay.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.Record;
import org.interlay.overlay.node.OverlayNode;

/**
 * What every node of an overlay knows and holds at one moment: the nodes its routing state names and
 * the records it keeps (key and version), each by node. Two snapshots are equal when no node learnt or
 * forgot a contact and no record moved, appeared or changed in between. Take it on the nodes' thread.
 *
 * @param contacts by node, the nodes its routing state names
 * @param records  by node, the records it holds as {@code name v<version>}
 */
public record OverlaySnapshot(Map<NodeRef, Set<NodeRef>> contacts, Map<NodeRef, Set<String>> records) {
    public static OverlaySnapshot of(Iterable<OverlayNode> nodes) {
        Map<NodeRef, Set<NodeRef>> contacts = new HashMap<>();
        Map<NodeRef, Set<String>> records = new HashMap<>();
        for (OverlayNode n : nodes) {
            contacts.put(n.self(), Set.copyOf(ViewChecks.of(n).contacts()));
            records.put(n.self(), n.heldRecords().stream().map(OverlaySnapshot::describe)
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        return new OverlaySnapshot(contacts, records);
    }

    private static String describe(Record r) {
        return r.name() + " v" + r.version();
    }

    /** True when some node's routing state names a node with {@code ref}'s id or address. */
    public boolean anyoneKnows(NodeRef ref) {
        return contacts.values().stream().flatMap(Set::stream)
                .anyMatch(c -> c.id().equals(ref.id()) || c.address().equals(ref.address()));
    }

    /**
     * What changed from this snapshot to {@code later}, one line per node that learnt or forgot a
     * contact or gained or lost a record; empty when nothing did.
     */
    public List<String> changesTo(OverlaySnapshot later) {
        List<String> out = new ArrayList<>();
        Set<NodeRef> nodes = new HashSet<>(contacts.keySet());
        nodes.addAll(later.contacts.keySet());
        for (NodeRef n : nodes) {
            describeChange(out, n, "contacts", contacts.getOrDefault(n, Set.of()), later.contacts.getOrDefault(n, Set.of()));
            describeChange(out, n, "records", records.getOrDefault(n, Set.of()), later.records.getOrDefault(n, Set.of()));
        }
        Collections.sort(out);
        return out;
    }

    private static <T> void describeChange(List<String> out, NodeRef node, String what, Set<T> before, Set<T> after) {
        if (before.equals(after)) return;
        Set<T> gained = new HashSet<>(after);
        gained.removeAll(before);
        Set<T> lost = new HashSet<>(before);
        lost.removeAll(after);
        out.add(node + " " + what + ": +" + gained + " -" + lost);
    }

    /** How many records the nodes hold in all, copies included. */
    public int recordCopies() {
        return records.values().stream().mapToInt(Set::size).sum();
    }
}
