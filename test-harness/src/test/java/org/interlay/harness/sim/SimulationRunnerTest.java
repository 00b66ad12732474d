package org.interlay.harness.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("slow")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SimulationRunnerTest {
    private final SimulationRunner runner = new SimulationRunner(new PrintStream(OutputStream.nullOutputStream()));

    @ParameterizedTest
    @ValueSource(strings = {"chord", "pastry", "kademlia"})
    void aStableOverlayAnswersEveryLookupCorrectlyAndTheSameSeedGivesTheSameRun(String algo) throws Exception {
        SimulationReport first = runner.run(SimulationSpec.of(algo, 120, 300, 42));
        SimulationReport again = runner.run(SimulationSpec.of(algo, 120, 300, 42));
        assertTrue(first.stable(), "the overlay stabilizes");
        assertEquals(1.0, first.success(), "every lookup ends at the responsible node");
        assertEquals(first.meanHops(), again.meanHops(), "same seed, same run");
        assertEquals(first.events(), again.events(), "same seed, same run, event for event");
        JsonNode json = new ObjectMapper().readTree(first.toJson());
        for (String key : new String[] {"algo", "nodes", "lookups", "success", "meanHops", "p99Hops", "buildSeconds",
                "wallSeconds", "heapMb", "records", "lostRecords", "meanRounds", "meanMessages"}) {
            assertTrue(json.has(key), "JSON has " + key);
        }
        assertEquals(algo, json.get("algo").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"chord", "pastry", "kademlia"})
    void aFifthCrashingLosesNoRecord(String algo) {
        SimulationReport r = runner.run(SimulationSpec.of(algo, 150, 200, 7).withCrash(0.2, 300));
        assertEquals(300, r.records());
        assertEquals(0, r.lostRecords());
        assertTrue(r.success() >= 0.99, "lookups after repair: " + r.success());
    }

    @ParameterizedTest
    @ValueSource(strings = {"chord", "pastry", "kademlia"})
    void churnKeepsLookupsWorking(String algo) {
        SimulationReport r = runner.run(SimulationSpec.of(algo, 100, 200, 3).withChurn(10 * 60_000, 100));
        assertTrue(r.departures() > 0, "nodes came and went");
        assertTrue(r.success() >= 0.95, "lookups during churn: " + r.success());
        assertTrue(r.consistency() >= 0.95, "pairs agree: " + r.consistency());
        assertEquals(0, r.lostRecords());
    }

    @ParameterizedTest
    @ValueSource(strings = {"chord", "pastry", "kademlia"})
    void churnWhoseReplacementsReuseTheDepartedIdsLosesNoRecord(String algo) {
        SimulationReport r = runner.run(SimulationSpec.of(algo, 100, 200, 3).withChurn(10 * 60_000, 100).withReusedIds());
        assertTrue(r.reuseIds());
        assertTrue(r.departures() > 0, "nodes came back under their old ids");
        assertTrue(r.success() >= 0.95, "lookups during churn: " + r.success());
        assertEquals(0, r.lostRecords());
    }
}
