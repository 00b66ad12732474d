package org.interlay.discovery;

import java.util.ArrayList;
import java.util.List;

/** Writes down directory events as short strings: "added chord", "changed chord", "removed chord". */
public final class RecordingDirectoryListener implements DirectoryListener {

    private final List<String> events = new ArrayList<>();
    private final List<OverlayEntry> latest = new ArrayList<>();

    @Override
    public synchronized void added(OverlayEntry entry) {
        events.add("added " + entry.name());
        latest.add(entry);
    }

    @Override
    public synchronized void changed(OverlayEntry before, OverlayEntry after) {
        events.add("changed " + after.name());
        latest.add(after);
    }

    @Override
    public synchronized void removed(OverlayEntry entry) {
        events.add("removed " + entry.name());
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    public synchronized OverlayEntry lastEntry() {
        return latest.get(latest.size() - 1);
    }
}
