package org.interlay.router.presence;

import java.util.List;

/**
 * A presence document (PIDF, RFC 3863) as far as Interlay reads it: the presentity and its tuples,
 * each open or closed with an optional contact and note, plus notes on the whole document.
 * Elements of extensions are kept in the stored document but not read here.
 *
 * @param entity the presentity's URI as the document names it ({@code pres:} or {@code sip:})
 */
public record PresenceDocument(String entity, List<Tuple> tuples, List<String> notes) {
    public PresenceDocument {
        if (entity == null || entity.isBlank()) throw new IllegalArgumentException("a presence document names its entity");
        tuples = List.copyOf(tuples);
        notes = List.copyOf(notes);
    }

    /** A document for {@code entity} with one tuple. */
    public static PresenceDocument of(String entity, Basic basic, String note) {
        return new PresenceDocument(entity, List.of(new Tuple("t1", basic, null, note)), List.of());
    }

    /** Open when any tuple is open; closed when all are; closed too when nothing is known. */
    public Basic overall() {
        return tuples.stream().anyMatch(t -> t.basic() == Basic.OPEN) ? Basic.OPEN : Basic.CLOSED;
    }

    /** The first note of any tuple or of the document, or empty. */
    public String firstNote() {
        for (Tuple t : tuples) {
            if (t.note() != null && !t.note().isEmpty()) return t.note();
        }
        return notes.isEmpty() ? "" : notes.get(0);
    }

    /** RFC 3863 basic status: can the presentity be reached through this tuple? */
    public enum Basic { OPEN, CLOSED }

    /** One way of reaching the presentity. */
    public record Tuple(String id, Basic basic, String contact, String note) {
        public Tuple {
            if (id == null || id.isBlank()) throw new IllegalArgumentException("a tuple needs an id");
            if (basic == null) throw new IllegalArgumentException("a tuple needs a basic status");
        }
    }
}
