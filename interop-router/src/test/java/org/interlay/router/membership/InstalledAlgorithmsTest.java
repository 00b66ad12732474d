package org.interlay.router.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.interlay.discovery.Algorithm;
import org.junit.jupiter.api.Test;

/** The algorithms found by ServiceLoader; this module's tests have the three algorithm modules on the class path. */
class InstalledAlgorithmsTest {
    @Test
    void listsWhatServiceLoaderFindsInNameOrder() {
        assertEquals(List.of(Algorithm.named("chord"), Algorithm.named("kademlia"), Algorithm.named("pastry")),
                InstalledAlgorithms.names());
        assertEquals("chord, kademlia, pastry", InstalledAlgorithms.listed());
    }

    @Test
    void findsAnImplementationByNameInAnyCase() {
        assertEquals("kademlia", InstalledAlgorithms.implementation(Algorithm.named("kademlia")).name());
        assertEquals(Algorithm.named("chord"), InstalledAlgorithms.requireInstalled("Chord"));
    }

    @Test
    void anUnknownNameIsAnErrorThatNamesTheInstalledOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InstalledAlgorithms.named("foo"));
        assertEquals("unknown algorithm 'foo'; installed: chord, kademlia, pastry", e.getMessage());
    }

    @Test
    void aNameOfTheWrongSyntaxIsAnErrorThatSaysTheSyntax() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InstalledAlgorithms.named("ch ord"));
        assertTrue(e.getMessage().startsWith("bad algorithm name 'ch ord': "), e.getMessage());
        assertTrue(e.getMessage().contains(Algorithm.SYNTAX), e.getMessage());
    }
}
