package org.interlay.shell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.interlay.shell.repl.ShellInputException;
import org.junit.jupiter.api.Test;

/** Addresses typed in the shell: refused in one line before any user agent starts; printed as typed. */
class AddressInputTest {
    @Test
    void anAddressTheSipStackCannotTakeIsRefusedInOneLine() {
        ShellInputException e = assertThrows(ShellInputException.class, () -> ShellSession.parseAor("%s@kad.lab"));
        assertEquals("'%s@kad.lab' is not an address of record like alice@chord.lab", e.getMessage());
    }

    @Test
    void anEscapedCharacterIsKept() {
        assertEquals("sip:a%25b@kad.lab", ShellSession.parseAor("a%25b@kad.lab").toString());
    }
}
