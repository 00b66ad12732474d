package org.interlay.router.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class KeyedSequencerTest {
    private final KeyedSequencer<String> sequencer = new KeyedSequencer<>();

    @Test
    void tasksOfOneKeyRunOneAfterAnotherAndOtherKeysDoNotWait() {
        List<String> started = new ArrayList<>();
        CompletableFuture<String> first = new CompletableFuture<>();
        sequencer.run("a", () -> {
            started.add("a1");
            return first;
        });
        CompletableFuture<String> second = sequencer.run("a", () -> {
            started.add("a2");
            return CompletableFuture.completedFuture("done");
        });
        sequencer.run("b", () -> {
            started.add("b1");
            return CompletableFuture.completedFuture("b");
        });
        assertEquals(List.of("a1", "b1"), started);
        assertFalse(second.isDone());
        first.complete("x");
        assertEquals(List.of("a1", "b1", "a2"), started);
        assertTrue(second.isDone());
        assertEquals(0, sequencer.busyKeys());
    }

    @Test
    void aFailedTaskDoesNotBlockTheNext() {
        CompletableFuture<String> failed = sequencer.run("a", () -> {
            throw new IllegalStateException("boom");
        });
        assertTrue(failed.isCompletedExceptionally());
        assertEquals("ok", sequencer.run("a", () -> CompletableFuture.completedFuture("ok")).join());
    }
}
