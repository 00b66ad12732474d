package org.interlay.discovery;

/** Identifies one advert: the overlay it is for and the node that publishes it. */
public record AdvertKey(String overlayName, String nodeId) {

    public AdvertKey {
        if (!NameSyntax.isOverlayName(overlayName)) {
            throw new IllegalArgumentException("bad overlay name: " + overlayName);
        }
        if (!NameSyntax.isNodeId(nodeId)) {
            throw new IllegalArgumentException("bad node id: " + nodeId);
        }
    }

    @Override
    public String toString() {
        return overlayName + "@" + nodeId;
    }
}
