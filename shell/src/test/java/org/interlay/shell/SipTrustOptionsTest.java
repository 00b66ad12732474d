package org.interlay.shell;

import static org.interlay.shell.CommandLineRun.interlay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code router --trust DIR} and the agent part of {@code node --trust DIR}: explained, and refused clearly before anything starts. */
class SipTrustOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void theHelpsSayWhatTrustDoes() {
        String router = interlay("router", "--help").out().replaceAll("\\s+", " ");
        assertTrue(router.contains("--trust=DIR Trust directory of the router (ca.pem, router.pem, router-key.pem"), router);
        assertTrue(router.contains("Without it the router runs open, and says so on start."), router);
        String node = interlay("node", "--help").out().replaceAll("\\s+", " ");
        assertTrue(node.contains("with agent.pem ('enroll agent DOMAIN') its SIP agent signs the records it writes, talks TLS"), node);
    }

    @Test
    void aRouterRefusesADirectoryWithoutItsCertificate() {
        Path ca = tmp.resolve("ca");
        assertEquals(0, interlay("enroll", "init", "--dir", ca.toString()).code());
        Path agentOnly = tmp.resolve("agent");
        assertEquals(0, interlay("enroll", "agent", "chord.lab", "--ca", ca.toString(), "--out", agentOnly.toString()).code());
        CommandLineRun r = interlay("router", "--overlays", "chord.lab,kad.lab", "--trust", agentOnly.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().strip().startsWith("interlay: --trust " + agentOnly + ": "), r.err());
        assertTrue(r.err().contains("router.pem"), r.err());
    }

    @Test
    void aNodeRefusesAnAgentCertificateOfAnotherDomainOrWithoutASipAgent() {
        Path ca = tmp.resolve("ca");
        assertEquals(0, interlay("enroll", "init", "--dir", ca.toString()).code());
        Path kad = tmp.resolve("kad");
        assertEquals(0, interlay("enroll", "agent", "kad.lab", "--ca", ca.toString(), "--out", kad.toString()).code());
        CommandLineRun other = interlay("node", "--overlay", "chord", "--algo", "chord", "--sip-port", "0", "--trust", kad.toString());
        assertEquals(2, other.code(), other.err());
        assertEquals("interlay: --trust " + kad + ": agent.pem is the agent certificate of kad.lab, but this node serves chord.lab",
                other.err().strip());
        CommandLineRun noAgent = interlay("node", "--overlay", "kad", "--algo", "kademlia", "--trust", kad.toString());
        assertEquals("interlay: agent.pem in --trust is for the SIP agent: give --sip-port too", noAgent.err().strip());
    }
}
