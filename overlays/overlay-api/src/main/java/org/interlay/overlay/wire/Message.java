package org.interlay.overlay.wire;

/**
 * A message body. Each kind has a type code unique within its overlay algorithm's codec, writes
 * its own fields, and is read back by the {@link MessageType} registered for that code.
 */
public interface Message {
    int type();

    void writeTo(WireWriter out);
}
