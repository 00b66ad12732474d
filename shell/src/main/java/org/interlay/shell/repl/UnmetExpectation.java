package org.interlay.shell.repl;

/** An {@code expect} line that did not hold in time; its message says what was expected and what was seen. */
final class UnmetExpectation extends RuntimeException {
    UnmetExpectation(String message) {
        super(message, null, false, false);
    }
}
