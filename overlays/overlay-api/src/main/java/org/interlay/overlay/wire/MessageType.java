package org.interlay.overlay.wire;

/**
 * How to read one kind of message: its code, a name for logs and counters, and a reader that
 * checks every field. Codes 1-63 belong to the shared node protocol; algorithms use 64-255.
 */
public record MessageType<M extends Message>(int code, String name, Reader<M> reader) {
    public static final int FIRST_ALGORITHM_CODE = 64;

    public MessageType {
        if (code < 1 || code > 255) throw new IllegalArgumentException("message type code out of range: " + code);
    }

    @FunctionalInterface
    public interface Reader<M> {
        M read(WireReader in) throws WireFormatException;
    }
}
