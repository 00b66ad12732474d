package org.interlay.router.sip;

import org.interlay.log.DropLog;

/**
 * The thread group of one stack's transport threads (they inherit it from the thread that starts the
 * listening points): an error that ends one of them, such as the stack's TCP parser throwing on a
 * message longer than the endpoint reads, is counted and logged through the endpoint's drop log
 * instead of printed with its stack trace by the JVM's default handler.
 */
final class StackThreadGroup extends ThreadGroup {
    private final DropLog drops;

    StackThreadGroup(String name, DropLog drops) {
        super(name);
        this.drops = drops;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        drops.drop("error that ended a SIP stack thread", thread.getName(), error.toString());
    }
}
