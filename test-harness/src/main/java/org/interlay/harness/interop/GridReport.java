package org.interlay.harness.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The grid's cells as a table (rows: operations; columns: ordered pairs of domains, e.g. chord>kad;
 * each cell pass, FAIL and the SIP status, or n/a), followed by why each cell that did not pass did
 * not; or the same as JSON.
 */
public record GridReport(List<String> domains, List<GridCell> cells, List<String> notes, double seconds) {
    public GridReport {
        domains = List.copyOf(domains);
        cells = List.copyOf(cells);
        notes = List.copyOf(notes);
    }

    public long count(GridCell.Verdict verdict) {
        return cells.stream().filter(c -> c.verdict() == verdict).count();
    }

    public boolean allPassedOrNotApplicable() {
        return count(GridCell.Verdict.FAIL) == 0;
    }

    private List<String> pairs() {
        Set<String> pairs = new LinkedHashSet<>();
        cells.forEach(c -> pairs.add(c.pair()));
        return List.copyOf(pairs);
    }

    public String table() {
        List<String> pairs = pairs();
        Map<String, GridCell> byKey = new LinkedHashMap<>();
        cells.forEach(c -> byKey.put(c.operation() + "|" + c.pair(), c));
        int first = "operation".length();
        for (GridOperation op : GridOperation.values()) first = Math.max(first, op.label().length());
        List<Integer> widths = new ArrayList<>();
        for (String p : pairs) {
            int w = p.length();
            for (GridOperation op : GridOperation.values()) {
                GridCell c = byKey.get(op + "|" + p);
                if (c != null) w = Math.max(w, c.shown().length());
            }
            widths.add(w);
        }
        StringBuilder out = new StringBuilder();
        out.append(pad("operation", first));
        for (int i = 0; i < pairs.size(); i++) out.append("  ").append(pad(pairs.get(i), widths.get(i)));
        out.append('\n');
        for (GridOperation op : GridOperation.values()) {
            out.append(pad(op.label(), first));
            for (int i = 0; i < pairs.size(); i++) {
                GridCell c = byKey.get(op + "|" + pairs.get(i));
                out.append("  ").append(pad(c == null ? "-" : c.shown(), widths.get(i)));
            }
            out.append('\n');
        }
        Set<String> reasons = new LinkedHashSet<>();
        for (GridCell c : cells) {
            if (c.verdict() == GridCell.Verdict.FAIL) out.append("FAIL ").append(c.pair()).append(' ').append(c.operation().label())
                    .append(": ").append(c.detail()).append('\n');
            if (c.verdict() == GridCell.Verdict.NA) reasons.add("n/a " + c.operation().label() + " to " + c.to() + ": " + c.detail());
        }
        reasons.forEach(r -> out.append(r).append('\n'));
        notes.forEach(n -> out.append(n).append('\n'));
        out.append(String.format(Locale.ROOT, "%d pairs of %d domains (%s): %d pass, %d n/a, %d fail, in %.1f s%n", pairs.size(),
                domains.size(), String.join(", ", domains), count(GridCell.Verdict.PASS), count(GridCell.Verdict.NA),
                count(GridCell.Verdict.FAIL), seconds));
        return out.toString();
    }

    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("domains", domains);
        root.put("pairs", pairs());
        List<Map<String, Object>> list = new ArrayList<>();
        for (GridCell c : cells) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operation", c.operation().label());
            m.put("from", c.from());
            m.put("to", c.to());
            m.put("result", c.verdict().name().toLowerCase(Locale.ROOT).replace("na", "n/a"));
            if (!c.detail().isEmpty()) m.put("detail", c.detail());
            list.add(m);
        }
        root.put("cells", list);
        root.put("pass", count(GridCell.Verdict.PASS));
        root.put("notApplicable", count(GridCell.Verdict.NA));
        root.put("fail", count(GridCell.Verdict.FAIL));
        root.put("notes", notes);
        root.put("seconds", Math.round(seconds * 10) / 10.0);
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the grid does not write as JSON", e);
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
