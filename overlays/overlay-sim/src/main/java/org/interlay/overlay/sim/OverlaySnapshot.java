package org.interlay.overlay.sim;

import java.util.HashMap;
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

    /** How many records the nodes hold in all, copies included. */
    public int recordCopies() {
        return records.values().stream().mapToInt(Set::size).sum();
    }
}
