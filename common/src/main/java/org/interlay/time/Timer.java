package org.interlay.time;

/** A task scheduled for later; cancelling one that has run or was cancelled does nothing. */
@FunctionalInterface
public interface Timer {
    void cancel();
}
