package org.interlay.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InterlayCommandLineTest {
    private static String errorOf(String... args) {
        CommandLine cl = Interlay.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute(args));
        return err.toString();
    }

    @Test
    void anUnknownCommandIsSaidUnknownAndOnlyACloseNameIsSuggested() {
        String far = errorOf("frobnicate");
        assertTrue(far.startsWith("interlay: unknown command 'frobnicate'; the commands are lab, shell, node, router, overlays, interop, sim, "
                + "bench, enroll, help\n"), far);
        assertFalse(far.contains("did you mean"), far);
        String near = errorOf("rooter");
        assertTrue(near.startsWith("interlay: unknown command 'rooter'; did you mean 'router'?\n"), near);
        assertTrue(near.endsWith("Try 'interlay --help'.\n"), near);
    }

    @Test
    void anUnknownOptionIsStillPicocliSaying() {
        String err = errorOf("lab", "--rooters", "2");
        assertTrue(err.contains("Unknown option") && err.contains("'--rooters'") && !err.contains("unknown command"), err);
    }
}
