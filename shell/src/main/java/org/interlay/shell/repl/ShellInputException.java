package org.interlay.shell.repl;

/** Input the shell cannot act on; its message is the one line the user sees, with a hint where there is one. */
public final class ShellInputException extends RuntimeException {
    public ShellInputException(String message) {
        super(message, null, false, false);
    }
}
