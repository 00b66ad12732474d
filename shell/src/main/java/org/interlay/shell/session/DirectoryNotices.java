package org.interlay.shell.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.interlay.discovery.DirectoryListener;
import org.interlay.discovery.OverlayEntry;
import org.interlay.shell.repl.EventLog;
import org.interlay.shell.repl.ShellEvent;

/**
 * Turns what discovery learns into the shell's notices ({@code watch} prints them): an overlay found
 * or gone, and peers and routers arriving in an overlay or leaving it, one line per change.
 */
public final class DirectoryNotices implements DirectoryListener {
    private final EventLog events;

    public DirectoryNotices(EventLog events) {
        this.events = events;
    }

    @Override
    public void added(OverlayEntry e) {
        say("overlay " + e.name() + " (" + e.sipDomain() + ") found: " + members(e));
    }

    @Override
    public void changed(OverlayEntry before, OverlayEntry after) {
        List<String> parts = new ArrayList<>();
        describe(peers(before), peers(after), "peer", parts);
        describe(before.routers(), after.routers(), "router", parts);
        if (!parts.isEmpty()) say("overlay " + after.name() + " (" + after.sipDomain() + "): " + String.join("; ", parts));
    }

    @Override
    public void removed(OverlayEntry e) {
        say("overlay " + e.name() + " (" + e.sipDomain() + ") gone");
    }

    /** Adds "peer p9 arrived", "peers p3, p4 left" for what differs between the two lists of ids. */
    static void describe(List<String> before, List<String> after, String noun, List<String> parts) {
        List<String> arrived = after.stream().filter(id -> !before.contains(id)).toList();
        List<String> left = before.stream().filter(id -> !after.contains(id)).toList();
        if (!arrived.isEmpty()) parts.add(name(noun, arrived) + " arrived");
        if (!left.isEmpty()) parts.add(name(noun, left) + " left");
    }

    private static String name(String noun, List<String> ids) {
        return (ids.size() == 1 ? noun : noun + "s") + " " + String.join(", ", ids);
    }

    private static List<String> peers(OverlayEntry e) {
        return e.nodes().stream().filter(id -> !e.routers().contains(id)).toList();
    }

    private static String members(OverlayEntry e) {
        int peers = peers(e).size();
        int routers = e.routers().size();
        return peers + (peers == 1 ? " peer, " : " peers, ") + routers + (routers == 1 ? " router" : " routers");
    }

    private void say(String text) {
        events.add(new ShellEvent.Notice(Instant.now(), text));
    }
}
