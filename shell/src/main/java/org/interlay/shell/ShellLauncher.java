package org.interlay.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.OverlayEntry;
import org.interlay.harness.lab.Lab;
import org.interlay.harness.lab.LabRouter;
import org.interlay.shell.repl.EventEcho;
import org.interlay.shell.repl.EventLog;
import org.interlay.text.Plural;
import org.interlay.shell.repl.ScriptFile;
import org.interlay.shell.repl.ShellCompleter;
import org.interlay.shell.repl.ShellEvent;
import org.interlay.shell.repl.ShellFrontEnd;
import org.interlay.shell.repl.ShellRunner;
import org.interlay.shell.repl.ShellWorld;
import org.interlay.shell.session.OverlayMembers;
import org.interlay.shell.session.ShellCommands;
import org.interlay.shell.session.ShellSession;

/** Puts a shell session, its commands and its front end together, for a lab or for a network of running nodes. */
final class ShellLauncher {
    private ShellLauncher() {}

    /** Runs the shell; every socket it opens (user agents, its lookup nodes) is on {@code bind}. */
    static int run(OverlayDirectory directory, Lab lab, InetAddress bind, ScriptFile script) throws IOException {
        try (ShellSession session = new ShellSession(directory, lab, new OverlayMembers(lab, directory, bind), bind)) {
            EventLog events = session.events();
            EventEcho echo = new EventEcho(events);
            ShellRunner runner = new ShellRunner(ShellCommands.table(session), events, world(session), echo);
            ShellCompleter completer = new ShellCompleter(runner::commands, vocabulary(session));
            ShellFrontEnd front = new ShellFrontEnd(runner, events, echo, completer,
                    () -> "interlay" + session.currentUser().map(u -> ":" + u).orElse("") + "> ");
            return front.run(script);
        }
    }

    /**
     * Checks a script file before anything starts, so that a typo on line 2 does not wait for a lab:
     * prints one line per problem and a last line, and returns false when there is any.
     */
    static boolean checkScript(ScriptFile script, PrintStream out) {
        EventLog noEvents = new EventLog();
        ShellRunner runner = new ShellRunner(ShellCommands.table(null), noEvents, null, new EventEcho(noEvents));
        List<String> problems = runner.check(script.lines(), script.name());
        if (problems.isEmpty()) return true;
        problems.forEach(out::println);
        out.println("script " + script.name() + ": not run, " + Plural.of(problems.size(), "line") + " to fix");
        return false;
    }

    private static ShellWorld world(ShellSession s) {
        return new ShellWorld() {
            @Override
            public int overlayCount() {
                return s.overlays().size();
            }

            @Override
            public Optional<List<String>> unsettled() throws InterruptedException {
                return s.lab().isPresent() ? Optional.of(s.lab().get().unsettled()) : Optional.empty();
            }

            @Override
            public long[] audioWith(String aor) {
                return s.audioWith(aor);
            }
        };
    }

    private static ShellCompleter.Vocabulary vocabulary(ShellSession s) {
        return new ShellCompleter.Vocabulary() {
            @Override
            public List<String> overlays() {
                return s.overlays().stream().map(OverlayEntry::name).toList();
            }

            @Override
            public List<String> domains() {
                return s.overlays().stream().map(OverlayEntry::sipDomain).toList();
            }

            @Override
            public List<String> addresses() {
                Set<String> out = new LinkedHashSet<>(s.users());
                s.events().all(ShellEvent.MessageReceived.class).forEach(m -> out.add(m.from()));
                s.events().all(ShellEvent.PresenceSeen.class).forEach(p -> out.add(p.aor()));
                return List.copyOf(out);
            }

            @Override
            public List<String> nodes() {
                return s.lab().map(l -> l.overlays().stream().flatMap(o -> o.peers().stream())
                        .map(p -> p.spec().nodeId()).toList()).orElse(List.of());
            }

            @Override
            public List<String> routers() {
                return s.lab().map(l -> l.routers().stream().map(LabRouter::id).toList()).orElse(List.of());
            }
        };
    }
}
