package org.interlay.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PluralTest {
    @Test
    void oneIsSingularAndEveryOtherCountPlural() {
        assertEquals("1 router", Plural.of(1, "router"));
        assertEquals("2 routers", Plural.of(2, "router"));
        assertEquals("0 messages", Plural.of(0, "message"));
    }
}
