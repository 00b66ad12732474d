package org.interlay.shell.session;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.interlay.harness.lab.LabOverlay;
import org.interlay.harness.lab.LabRouter;
import org.interlay.router.PeerAgent;
import org.interlay.router.sip.Slf4jStackLogger;
import org.interlay.shell.Tables;

/**
 * The SIP part of {@code stats}: each agent and router with the malformed SIP input it refused or
 * dropped, and the errors the SIP stacks of this process reported (counted together: the stack logs
 * them through one logger for the whole process).
 */
final class SipDropsTable {
    /** One SIP element: what it is, where it listens, what it dropped. */
    record Element(String name, InetSocketAddress address, long dropped) {}

    private SipDropsTable() {
    }

    static List<Element> of(List<LabOverlay> overlays, List<LabRouter> routers) {
        List<Element> elements = new ArrayList<>();
        for (LabOverlay o : overlays) {
            for (PeerAgent a : o.agents()) elements.add(new Element("agent " + o.domain(), a.sipAddress(), a.malformedInput()));
        }
        for (LabRouter r : routers) elements.add(new Element("router " + r.id(), r.router().sipAddress(), r.router().malformedInput()));
        return elements;
    }

    static String format(List<Element> elements) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SIP", "ADDRESS", "DROPPED"});
        for (Element e : elements) {
            rows.add(new String[] {e.name(), e.address().getAddress().getHostAddress() + ":" + e.address().getPort(),
                    String.valueOf(e.dropped())});
        }
        return Tables.format(rows) + "errors inside the SIP stacks: " + Slf4jStackLogger.stackErrors().count() + "\n";
    }
}
