package org.interlay.shell;

import java.util.List;

/** Left-aligned text columns, two spaces apart. */
public final class Tables {
    private Tables() {}

    public static String format(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) for (int c = 0; c < cols; c++) width[c] = Math.max(width[c], r[c].length());
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) {
                b.append(r[c]);
                if (c < cols - 1) b.append(" ".repeat(width[c] - r[c].length() + 2));
            }
            b.append(System.lineSeparator());
        }
        return b.toString();
    }
}
