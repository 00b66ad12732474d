package org.interlay.router.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExpiryPolicyTest {
    private final ExpiryPolicy policy = new ExpiryPolicy(Duration.ofSeconds(60), Duration.ofSeconds(600), Duration.ofSeconds(300));

    @Test
    void grantsDefaultZeroAndCapsLongAsks() throws Exception {
        assertEquals(300, policy.grant(-1));
        assertEquals(0, policy.grant(0));
        assertEquals(60, policy.grant(60));
        assertEquals(600, policy.grant(86_400));
    }

    @Test
    void refusesTooShortWithTheMinimum() {
        ExpiryPolicy.IntervalTooBriefException e = assertThrows(ExpiryPolicy.IntervalTooBriefException.class, () -> policy.grant(59));
        assertEquals(60, e.minSeconds());
    }

    @Test
    void rejectsInconsistentPolicies() {
        assertThrows(IllegalArgumentException.class,
                () -> new ExpiryPolicy(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(40)));
        assertThrows(IllegalArgumentException.class,
                () -> new ExpiryPolicy(Duration.ofMillis(1500), Duration.ofSeconds(30), Duration.ofSeconds(20)));
    }
}
