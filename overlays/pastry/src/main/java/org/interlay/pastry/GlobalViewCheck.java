package org.interlay.pastry;

import java.util.Arrays;
import java.util.List;
import org.interlay.overlay.Key;
import org.interlay.overlay.NodeRef;
import org.interlay.overlay.node.GlobalView;

/**
 * Whether a node's Pastry state is what the whole overlay says it should be, for simulations to know
 * when an overlay is stable: the leaf set is exactly the |L|/2 live nodes on either side (all of them in
 * a small overlay), and the routing table holds only live nodes and has every entry filled for which a
 * live node exists. Each entry is checked with two binary searches of the sorted view, not a scan.
 */
final class GlobalViewCheck {
    private GlobalViewCheck() {}

    static boolean agrees(GlobalView view, Key self, LeafSet leafSet, RoutingTable table) {
        return leafSetAgrees(view, self, leafSet) && tableAgrees(view, self, table);
    }

    static boolean leafSetAgrees(GlobalView view, Key self, LeafSet leafSet) {
        return sameIds(leafSet.side(LeafSet.Side.LARGER), view.successorsOf(self, leafSet.half()))
                && sameIds(leafSet.side(LeafSet.Side.SMALLER), view.predecessorsOf(self, leafSet.half()));
    }

    private static boolean sameIds(List<NodeRef> held, List<Key> expected) {
        if (held.size() != expected.size()) return false;
        for (int i = 0; i < held.size(); i++) if (!held.get(i).id().equals(expected.get(i))) return false;
        return true;
    }

    static boolean tableAgrees(GlobalView view, Key self, RoutingTable table) {
        int b = table.bitsPerDigit();
        for (int row = 0; row < table.rowCount(); row++) {
            boolean anyLiveNodeBelow = false;
            int own = self.digit(row, b);
            for (int column = 0; column < table.columns(); column++) {
                if (column == own) continue;
                NodeRef entry = table.get(row, column);
                boolean exists = existsWithPrefix(view, self, row, column, b);
                anyLiveNodeBelow |= exists;
                if (entry == null ? exists : !view.contains(entry.id())) return false;
            }
            // no other live node shares row + 1 digits with self: no deeper row can hold a live entry
            if (!existsWithPrefix(view, self, row, own, b, true)) return table.deepestRow() <= row;
        }
        return true;
    }

    private static boolean existsWithPrefix(GlobalView view, Key self, int row, int digit, int b) {
        return existsWithPrefix(view, self, row, digit, b, false);
    }

    /**
     * True when a live node has the first {@code row} digits of {@code self} followed by {@code digit}
     * ({@code self} itself left out when {@code otherThanSelf}).
     */
    private static boolean existsWithPrefix(GlobalView view, Key self, int row, int digit, int b,
                                            boolean otherThanSelf) {
        Key low = withDigit(self, row, digit, b);
        int i = view.ceilingIndex(low);
        for (int step = 0; step < 2 && step < view.size(); step++) {
            Key k = view.get(i + step);
            if (k.sharedPrefixDigits(low, b) < row + 1) return false;
            if (!otherThanSelf || !k.equals(self)) return true;
        }
        return false;
    }

    /** The smallest key with the first {@code row} digits of {@code self} and {@code digit} after them. */
    static Key withDigit(Key self, int row, int digit, int b) {
        byte[] bytes = self.toBytes();
        int first = row * b; // bit position from the most significant end
        int end = first + b;
        for (int bit = first; bit < Key.BITS; bit++) {
            if (bit >= end && bit % 8 == 0) {
                Arrays.fill(bytes, bit / 8, Key.BYTES, (byte) 0);
                break;
            }
            boolean one = bit < end && ((digit >> (end - 1 - bit)) & 1) == 1;
            int mask = 0x80 >>> (bit % 8);
            bytes[bit / 8] = (byte) (one ? bytes[bit / 8] | mask : bytes[bit / 8] & ~mask);
        }
        return Key.fromBytes(bytes, 0);
    }
}
