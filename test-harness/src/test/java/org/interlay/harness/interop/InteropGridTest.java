package org.interlay.harness.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The grid when the domain's server is gone: the REGISTER fails, and what needs it fails as not run, never as pass. */
@Tag("slow")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class InteropGridTest {
    @Test
    void aDomainWhoseServerIsGoneFailsEveryCellItOffers() throws Exception {
        InetSocketAddress gone;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            gone = (InetSocketAddress) s.getLocalSocketAddress();
        }
        GridDomain dead = new GridDomain("dead.lab", gone, Optional.empty(),
                Map.of(GridOperation.PUBLISH, "no presence", GridOperation.SUBSCRIBE_NOTIFY, "no presence"));
        List<GridCell> cells = new InteropGrid(List.of(dead)).run();
        assertEquals(GridOperation.values().length, cells.size());
        GridCell register = cells.get(0);
        assertEquals(GridCell.Verdict.FAIL, register.verdict(), register.toString());
        assertEquals("FAIL timeout", register.shown());
        for (GridCell c : cells) {
            if (c.operation() == GridOperation.PUBLISH || c.operation() == GridOperation.SUBSCRIBE_NOTIFY) {
                assertEquals(GridCell.Verdict.NA, c.verdict(), c.toString());
            } else if (c.operation() != GridOperation.REGISTER) {
                assertEquals(GridCell.Verdict.FAIL, c.verdict(), c.toString());
                assertTrue(c.detail().contains("REGISTER failed"), c.toString());
                assertEquals("FAIL (not run)", c.shown());
            }
        }
        System.out.println(new GridReport(List.of("dead.lab"), cells, List.of(), 0).table());
    }
}
