package org.interlay.shell;

import static org.interlay.shell.CommandLineRun.interlay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code interlay node --role}: what a peer needs and what a client refuses, said before anything starts. */
class NodeRoleOptionsTest {
    @Test
    void theHelpSaysWhatAClientIs() {
        CommandLineRun help = interlay("node", "--help");
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
        CommandLineRun badAlgo = interlay("node", "--role", "client", "--overlay", "chord", "--algo", "foo");
        assertEquals(2, badAlgo.code());
        assertTrue(badAlgo.err().startsWith("interlay: unknown algorithm 'foo'"), badAlgo.err());
    }

    @Test
    void aPeerNeedsAnAlgorithmAndTakesNoLookups() {
        CommandLineRun noAlgo = interlay("node", "--overlay", "chord");
        assertEquals(2, noAlgo.code());
        assertTrue(noAlgo.err().startsWith("interlay: a peer needs --algo, one of ["), noAlgo.err());
        CommandLineRun lookup = interlay("node", "--overlay", "chord", "--algo", "chord", "--lookup", "alice@chord.lab");
        assertEquals("interlay: --lookup is for a client (--role client)", lookup.err().strip());
        CommandLineRun role = interlay("node", "--role", "visitor", "--overlay", "chord");
        assertEquals("interlay: --role is peer or client, not 'visitor'", role.err().strip());
        CommandLineRun digest = interlay("node", "--overlay", "chord", "--algo", "chord", "--sip-port", "0",
                "--digest-algorithms", "MD5");
        assertEquals(2, digest.code());
        assertEquals("interlay: --digest-algorithms is how the users of --users are challenged: give --users too",
                digest.err().strip());
    }
}
