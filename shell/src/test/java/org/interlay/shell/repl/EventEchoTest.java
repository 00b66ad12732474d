package org.interlay.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventEchoTest {
    private final EventLog log = new EventLog();

    private static ShellEvent message(String text) {
        return new ShellEvent.MessageReceived(Instant.now(), "bob@kad.lab", "alice@chord.lab", text);
    }

    @Test
    void printsEachEventOnceInLogOrderAndNoticesOnlyWhileWatching() {
        log.add(new ShellEvent.Notice(Instant.now(), "before the shell"));
        EventEcho echo = new EventEcho(log);
        List<String> printed = new ArrayList<>();
        log.add(message("one"));
        log.add(new ShellEvent.Notice(Instant.now(), "overlay kad (kad.lab) gone"));
        echo.printNew(printed::add);
        echo.watch(true);
        log.add(new ShellEvent.Notice(Instant.now(), "overlay kad (kad.lab) found"));
        log.add(message("two"));
        echo.printNew(printed::add);
        echo.printNew(printed::add);
        assertEquals(List.of("<< message to bob@kad.lab from alice@chord.lab: one", "[watch] overlay kad (kad.lab) found",
                "<< message to bob@kad.lab from alice@chord.lab: two"), printed);
    }

    @Test
    void eventsFromManyThreadsArePrintedInTheOrderTheyWereLogged() throws Exception {
        EventEcho echo = new EventEcho(log);
        List<String> printed = new ArrayList<>();
        Runnable stop = log.listen(e -> echo.printNew(printed::add));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int first = t * 100;
            threads.add(new Thread(() -> {
                for (int i = first; i < first + 100; i++) log.add(message(String.valueOf(i)));
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join();
        stop.run();
        List<String> logged = log.all(ShellEvent.MessageReceived.class).stream().map(e -> "<< " + e.describe()).toList();
        assertEquals(logged, printed);
    }
}
