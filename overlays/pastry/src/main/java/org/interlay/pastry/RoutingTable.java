package org.interlay.pastry;

import java.util.ArrayList;
import java.util.List;
import org.interlay.overlay.Address;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;

/**
 * Pastry's routing table (section 2.1): row {@code l} holds, for each digit {@code d} other than this
 * node's own digit {@code l}, a node whose id shares the first {@code l} digits with this node's id and
 * has {@code d} as its digit {@code l}. Of the nodes that fit an entry, the one closest by network
 * proximity is kept (section 2.5): a measured round trip beats an unmeasured one, and a shorter beats a
 * longer. Rows are allocated when first used, so a node holds about log_2^b N rows, not 160 / b.
 */
final class RoutingTable {
    /** Round-trip time of an entry that has not been measured. */
    static final int UNMEASURED = Integer.MAX_VALUE;

    private static final class Row {
        final NodeRef[] nodes;
        final int[] rtt;
        final long[] heardAt;

        Row(int columns) {
            nodes = new NodeRef[columns];
            rtt = new int[columns];
            heardAt = new long[columns];
        }
    }

    /** Where an entry sits. */
    record Slot(int row, int column) {}

    private final Key self;
    private final int bitsPerDigit;
    private final int columns;
    private final Row[] rows;
    private int size;

    RoutingTable(Key self, int bitsPerDigit) {
        this.self = self;
        this.bitsPerDigit = bitsPerDigit;
        this.columns = 1 << bitsPerDigit;
        this.rows = new Row[Key.BITS / bitsPerDigit];
    }

    /** The slot {@code id} belongs in, or null for this node's own id. */
    Slot slotOf(Key id) {
        int row = self.sharedPrefixDigits(id, bitsPerDigit);
        if (row >= rows.length) return null;
        return new Slot(row, id.digit(row, bitsPerDigit));
    }

    NodeRef get(int row, int column) {
        Row r = row < rows.length ? rows[row] : null;
        return r == null ? null : r.nodes[column];
    }

    int rttAt(int row, int column) {
        Row r = rows[row];
        return r == null || r.nodes[column] == null ? UNMEASURED : r.rtt[column];
    }

    long heardAt(int row, int column) {
        Row r = rows[row];
        return r == null ? Long.MIN_VALUE : r.heardAt[column];
    }

    /**
     * Offers {@code node}, whose round trip is {@code rttMillis} ({@link #UNMEASURED} if unknown), heard
     * from at {@code now}: it takes an empty entry, or replaces a farther one. True when the table gained
     * a node it did not hold.
     */
    boolean offer(NodeRef node, int rttMillis, long now) {
        Slot s = slotOf(node.id());
        if (s == null) return false;
        Row r = rows[s.row()];
        if (r == null) r = rows[s.row()] = new Row(columns);
        int c = s.column();
        NodeRef current = r.nodes[c];
        if (current != null && current.id().equals(node.id())) {
            r.nodes[c] = node; // the same node, perhaps at a new address
            if (rttMillis != UNMEASURED) r.rtt[c] = rttMillis;
            r.heardAt[c] = Math.max(r.heardAt[c], now);
            return false;
        }
        if (current != null && rttMillis >= r.rtt[c]) return false;
        if (current == null) size++;
        r.nodes[c] = node;
        r.rtt[c] = rttMillis;
        r.heardAt[c] = now;
        return true;
    }

    /** Notes that the node at {@code id}'s entry answered or spoke at {@code now}. */
    void touch(Key id, long now) {
        Slot s = slotOf(id);
        if (s == null || rows[s.row()] == null) return;
        Row r = rows[s.row()];
        NodeRef n = r.nodes[s.column()];
        if (n != null && n.id().equals(id)) r.heardAt[s.column()] = now;
    }

    /** Removes {@code id}; the slot it held, or null if it was not in the table. */
    Slot remove(Key id) {
        Slot s = slotOf(id);
        if (s == null || rows[s.row()] == null) return null;
        Row r = rows[s.row()];
        NodeRef n = r.nodes[s.column()];
        if (n == null || !n.id().equals(id)) return null;
        r.nodes[s.column()] = null;
        r.rtt[s.column()] = 0;
        r.heardAt[s.column()] = 0;
        size--;
        return s;
    }

    boolean contains(Key id) {
        Slot s = slotOf(id);
        NodeRef n = s == null ? null : get(s.row(), s.column());
        return n != null && n.id().equals(id);
    }

    /** The entry at {@code address}, if any (a scan: for failures, which are rare). */
    NodeRef find(Address address) {
        for (Row r : rows) {
            if (r == null) continue;
            for (NodeRef n : r.nodes) if (n != null && n.address().equals(address)) return n;
        }
        return null;
    }

    /** The entries of row {@code row}, in digit order. */
    List<NodeRef> row(int row) {
        List<NodeRef> out = new ArrayList<>(columns);
        Row r = row < rows.length ? rows[row] : null;
        if (r != null) for (NodeRef n : r.nodes) if (n != null) out.add(n);
        return out;
    }

    /** Every entry, row by row. */
    List<NodeRef> entries() {
        List<NodeRef> out = new ArrayList<>(size);
        for (int i = 0; i < rows.length; i++) out.addAll(row(i));
        return out;
    }

    /** Entries not heard from since {@code before}, at most {@code max}, deepest rows last. */
    List<NodeRef> staleEntries(long before, int max) {
        List<NodeRef> out = new ArrayList<>();
        for (Row r : rows) {
            if (r == null) continue;
            for (int c = 0; c < columns && out.size() < max; c++) {
                if (r.nodes[c] != null && (r.heardAt[c] < before || r.rtt[c] == UNMEASURED)) out.add(r.nodes[c]);
            }
        }
        return out;
    }

    /** Index of the deepest row holding an entry; -1 when the table is empty. */
    int deepestRow() {
        for (int i = rows.length - 1; i >= 0; i--) {
            if (rows[i] == null) continue;
            for (NodeRef n : rows[i].nodes) if (n != null) return i;
        }
        return -1;
    }

    int size() {
        return size;
    }

    int rowCount() {
        return rows.length;
    }

    int columns() {
        return columns;
    }

    int bitsPerDigit() {
        return bitsPerDigit;
    }

    Key self() {
        return self;
    }
}
