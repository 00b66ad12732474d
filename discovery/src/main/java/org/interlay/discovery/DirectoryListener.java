package org.interlay.discovery;

/**
 * Told when the {@link OverlayDirectory} changes. Calls come one at a time, in the order the
 * changes were made, never while the directory is locked, so a listener may query the directory.
 */
public interface DirectoryListener {

    /** An overlay appeared: the first source that saw it put it in. */
    void added(OverlayEntry entry);

    /** Something about an overlay changed: a node, an entry point, a router or a source. */
    void changed(OverlayEntry before, OverlayEntry after);

    /** The last sighting of an overlay ended. */
    void removed(OverlayEntry entry);
}
