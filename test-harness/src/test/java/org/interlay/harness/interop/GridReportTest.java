package org.interlay.harness.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridReportTest {
    private static final List<GridCell> CELLS = List.of(
            GridCell.pass(GridOperation.MESSAGE, "chord.lab", "kad.lab"),
            new GridCell(GridOperation.PUBLISH, "chord.lab", "cs.lab", GridCell.Verdict.NA, "no presence database"),
            new GridCell(GridOperation.MESSAGE, "cs.lab", "chord.lab", GridCell.Verdict.FAIL, "408 Request Timeout"));

    @Test
    void aFailedCellShowsItsStatusAndTheTableSaysWhy() {
        GridReport report = new GridReport(List.of("chord.lab", "kad.lab", "cs.lab"), CELLS, List.of(), 1.25);
        String table = report.table();
        String[] lines = table.split("\n");
        assertTrue(lines[0].matches("operation\\s+chord>kad\\s+chord>cs\\s+cs>chord\\s*"), lines[0]);
        String message = List.of(lines).stream().filter(l -> l.startsWith("MESSAGE")).findFirst().orElseThrow();
        assertTrue(message.matches("MESSAGE\\s+pass\\s+-\\s+FAIL 408\\s*"), message);
        assertTrue(table.contains("FAIL cs>chord MESSAGE: 408 Request Timeout"), table);
        assertTrue(table.contains("n/a PUBLISH to cs.lab: no presence database"), table);
        assertTrue(table.contains("1 pass, 1 n/a, 1 fail, in 1.2 s") || table.contains("1 pass, 1 n/a, 1 fail, in 1.3 s"), table);
        assertFalse(report.allPassedOrNotApplicable());
    }

    @Test
    void notApplicableIsNeverCountedAsPassNorAsFailure() throws Exception {
        GridReport report = new GridReport(List.of("chord.lab", "cs.lab"), CELLS.subList(0, 2), List.of("a note"), 2);
        assertTrue(report.allPassedOrNotApplicable());
        JsonNode json = new ObjectMapper().readTree(report.json());
        assertEquals(1, json.get("pass").asInt());
        assertEquals(1, json.get("notApplicable").asInt());
        assertEquals(0, json.get("fail").asInt());
        assertEquals("n/a", json.get("cells").get(1).get("result").asText());
        assertEquals("no presence database", json.get("cells").get(1).get("detail").asText());
        assertEquals("a note", json.get("notes").get(0).asText());
    }
}
