package org.interlay.shell.session;

import java.util.Locale;
import org.interlay.router.presence.PresenceDocument;

/**
 * How the shell's one-word statuses travel in PIDF (RFC 3863): {@code closed} and {@code offline} are
 * basic status closed; anything else is open, with the word as the first note (busy, away, ...),
 * followed by the user's own note. A document read back gives the same word.
 */
final class PresenceStatus {
    private PresenceStatus() {}

    static PresenceDocument.Basic basicOf(String status) {
        String s = status.toLowerCase(Locale.ROOT);
        return s.equals("closed") || s.equals("offline") ? PresenceDocument.Basic.CLOSED : PresenceDocument.Basic.OPEN;
    }

    static String noteOf(String status, String note) {
        String s = status.toLowerCase(Locale.ROOT);
        return note.isEmpty() ? s : s + ": " + note;
    }

    /** The status word a document carries. */
    static String statusOf(PresenceDocument doc) {
        String note = doc.firstNote() == null ? "" : doc.firstNote();
        if (!note.isEmpty()) {
            int colon = note.indexOf(':');
            return (colon < 0 ? note : note.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        }
        return doc.overall() == PresenceDocument.Basic.OPEN ? "open" : "closed";
    }

    /** The user's own note, after the status word. */
    static String userNoteOf(PresenceDocument doc) {
        String note = doc.firstNote() == null ? "" : doc.firstNote();
        int colon = note.indexOf(':');
        return colon < 0 ? "" : note.substring(colon + 1).trim();
    }
}
