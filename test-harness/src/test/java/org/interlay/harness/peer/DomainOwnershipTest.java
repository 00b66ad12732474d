package org.interlay.harness.peer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.interlay.discovery.Algorithm;
import org.interlay.discovery.HostPort;
import org.interlay.discovery.NodeRole;
import org.interlay.discovery.OverlayAdvert;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.Source;
import org.junit.jupiter.api.Test;

class DomainOwnershipTest {
    private final OverlayDirectory directory = new OverlayDirectory();

    DomainOwnershipTest() {
        directory.found(OverlayAdvert.of("chord", Algorithm.named("chord"), "chord.lab", List.of(new HostPort("127.0.0.1", 4000)),
                List.of(), NodeRole.PEER, "p1"), Source.JGROUPS);
    }

    @Test
    void aSecondOverlayForADomainAlreadyServedIsRefusedNamingTheFirst() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DomainOwnership.check(directory, "chord2", "chord.lab"));
        assertTrue(e.getMessage().startsWith("overlay chord (chord) already serves chord.lab; two overlays cannot serve one domain"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DomainOwnership.check(directory, "chord2", "CHORD.lab"));
    }

    @Test
    void joiningAnOverlayUnderAnotherDomainIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DomainOwnership.check(directory, "chord", "other.lab"));
        assertTrue(e.getMessage().contains("serves chord.lab, not other.lab"), e.getMessage());
    }

    @Test
    void theSameOverlayAndDomainOrANewDomainAreAccepted() {
        assertDoesNotThrow(() -> DomainOwnership.check(directory, "chord", "chord.lab"));
        assertDoesNotThrow(() -> DomainOwnership.check(directory, "chord2", "chord2.lab"));
    }
}
