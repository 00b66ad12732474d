package org.interlay.overlay;

/** A node as others know it: its identifier and where it listens. Equality is by both. */
public record NodeRef(Key id, Address address) {
    public static final int BYTES = Key.BYTES + Address.BYTES;

    public NodeRef {
        if (id == null || address == null) throw new IllegalArgumentException("a node needs an id and an address");
    }

    @Override
    public String toString() {
        return id.shortHex() + "@" + address;
    }
}
