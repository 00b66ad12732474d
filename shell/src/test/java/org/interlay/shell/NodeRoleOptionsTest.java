package org.interlay.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code interlay node --role}: what a peer needs and what a client refuses, said before anything starts. */
class NodeRoleOptionsTest {
    private record Run(int code, String out, String err) {
    }

    private static Run interlay(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Interlay.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theHelpSaysWhatAClientIs() {
        Run help = interlay("node", "--help");
        assertEquals(0, help.code(), help.err());
        String text = help.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("--role=ROLE peer (a member of the overlay: routes, stores records) or client"), text);
        assertTrue(text.contains("interlay node --role client --overlay chord --lookup alice@chord.lab"), text);
    }

    @Test
    void aClientRefusesWhatOnlyAPeerHas() {
        assertEquals("interlay: --sip-port is for a peer: a client serves no SIP agent",
                interlay("node", "--role", "client", "--overlay", "chord", "--sip-port", "5060").err().strip());
        assertEquals("interlay: --domain is for a peer: a client serves no domain",
                interlay("node", "--role", "client", "--overlay", "chord", "--domain", "x.lab").err().strip());
        assertEquals("interlay: --node-id is for a peer: a client is named in no advert",
                interlay("node", "--role", "client", "--overlay", "chord", "--node-id", "c1").err().strip());
        Run badAlgo = interlay("node", "--role", "client", "--overlay", "chord", "--algo", "foo");
        assertEquals(2, badAlgo.code());
        assertTrue(badAlgo.err().startsWith("interlay: unknown algorithm 'foo'"), badAlgo.err());
    }

    @Test
    void aPeerNeedsAnAlgorithmAndTakesNoLookups() {
        Run noAlgo = interlay("node", "--overlay", "chord");
        assertEquals(2, noAlgo.code());
        assertTrue(noAlgo.err().startsWith("interlay: a peer needs --algo, one of ["), noAlgo.err());
        Run lookup = interlay("node", "--overlay", "chord", "--algo", "chord", "--lookup", "alice@chord.lab");
        assertEquals("interlay: --lookup is for a client (--role client)", lookup.err().strip());
        Run role = interlay("node", "--role", "visitor", "--overlay", "chord");
        assertEquals("interlay: --role is peer or client, not 'visitor'", role.err().strip());
    }
}
