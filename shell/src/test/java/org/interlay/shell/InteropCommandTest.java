package org.interlay.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `interlay interop --json` as root: the command runs itself again in network and mount namespaces of
 * its own, with an overlay of every installed algorithm and (named and kamailio installed) cs.lab; every cell
 * of every ordered pair passes, or is not applicable with a reason, and only for what Kamailio lacks.
 */
@Tag("netns")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class InteropCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyPairOfDomainsPassesOrSaysWhyNot() throws Exception {
        PrivateNetwork.assumeAvailable();
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "the grid makes its namespaces as root");
        boolean conventional = PrivateNetwork.onPath("named") && PrivateNetwork.onPath("kamailio") && PrivateNetwork.onPath("tsig-keygen");
        Path out = dir.resolve("grid.json");
        Path err = dir.resolve("grid.err");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Djava.net.preferIPv4Stack=true", "-cp", System.getProperty("java.class.path"), Interlay.class.getName(), "interop", "--json")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!p.waitFor(200, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("interop did not end within 200 s:\n" + Files.readString(err));
        }
        String json = Files.readString(out);
        System.out.println(json);
        assertEquals(0, p.exitValue(), json + Files.readString(err));
        JsonNode grid = new ObjectMapper().readTree(json);
        int domains = org.interlay.router.membership.InstalledAlgorithms.names().size() + (conventional ? 1 : 0);
        assertEquals(domains, grid.get("domains").size(), json);
        assertEquals(domains * domains, grid.get("pairs").size(), json);
        assertEquals(0, grid.get("fail").asInt(), json);
        for (JsonNode cell : grid.get("cells")) {
            String result = cell.get("result").asText();
            if (result.equals("n/a")) {
                assertEquals("cs.lab", cell.get("to").asText(), cell.toString());
                assertTrue(cell.has("detail") && cell.get("detail").asText().contains("Kamailio"), cell.toString());
                assertTrue(List.of("lookup", "PUBLISH", "SUBSCRIBE/NOTIFY", "offline MESSAGE").contains(cell.get("operation").asText()),
                        cell.toString());
            } else {
                assertEquals("pass", result, cell.toString());
            }
        }
        assertEquals(domains * domains * 7, grid.get("cells").size(), json);
        System.out.println("grid of " + domains + " domains in " + grid.get("seconds").asDouble() + " s");
    }
}
