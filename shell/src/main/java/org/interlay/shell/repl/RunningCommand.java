package org.interlay.shell.repl;

/**
 * The command running at the prompt, for Ctrl-C to interrupt: the command's thread is interrupted
 * (waits end with InterruptedException and the command fails with one line), and the shell and its
 * lab go on. A Ctrl-C between commands reaches no one.
 */
final class RunningCommand {
    private Thread thread;

    /** On the thread about to run a command. */
    synchronized void started() {
        thread = Thread.currentThread();
    }

    /** On the same thread once the command returned; forgets an interrupt that came too late for it. */
    synchronized void ended() {
        thread = null;
        Thread.interrupted();
    }

    synchronized void interrupt() {
        if (thread != null) thread.interrupt();
    }
}
