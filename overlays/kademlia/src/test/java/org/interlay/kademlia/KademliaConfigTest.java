package org.interlay.kademlia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KademliaConfigTest {
    @Test
    void defaultsAreThePapers() {
        KademliaConfig c = KademliaConfig.DEFAULT;
        assertEquals(20, c.k());
        assertEquals(3, c.alpha());
        assertEquals(Duration.ofHours(1), c.bucketRefresh());
        KademliaAlgorithm algorithm = new KademliaAlgorithm();
        assertEquals(3, algorithm.lookupStyle().parallelism());
        assertEquals(20, algorithm.lookupStyle().resultSize());
        assertEquals(19, algorithm.defaultReplicas(), "with the responsible node, k copies");
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        Duration hour = Duration.ofHours(1), second = Duration.ofSeconds(1), minute = Duration.ofMinutes(1);
        assertThrows(IllegalArgumentException.class, () -> new KademliaConfig(0, 1, hour, second, minute, minute));
        assertThrows(IllegalArgumentException.class, () -> new KademliaConfig(65, 3, hour, second, minute, minute),
                "a FIND_NODE answer carries at most 64 nodes");
        assertThrows(IllegalArgumentException.class, () -> new KademliaConfig(20, 0, hour, second, minute, minute));
        assertThrows(IllegalArgumentException.class, () -> new KademliaConfig(20, 21, hour, second, minute, minute));
        assertThrows(IllegalArgumentException.class, () -> new KademliaConfig(20, 3, Duration.ZERO, second, minute, minute));
        assertThrows(IllegalArgumentException.class, () -> new KademliaConfig(20, 3, hour, null, minute, minute));
        assertThrows(IllegalArgumentException.class, () -> new KademliaConfig(20, 3, hour, second, Duration.ofSeconds(-1), minute));
        assertThrows(IllegalArgumentException.class, () -> new KademliaConfig(20, 3, hour, second, minute, null));
    }

    @Test
    void aSmallerKBringsAlphaDownWithIt() {
        assertEquals(2, KademliaConfig.DEFAULT.withK(2).alpha());
    }
}
