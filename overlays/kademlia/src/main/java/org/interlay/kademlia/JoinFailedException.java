package org.interlay.kademlia;

import java.util.List;
import org.interlay.overlay.Address;

/** No bootstrap node answered, or none of the nodes to ask next did, so there was no one to join through. */
public final class JoinFailedException extends RuntimeException {
    public JoinFailedException(List<Address> bootstrap) {
        super("no bootstrap node answered: " + bootstrap);
    }

    private JoinFailedException(String message) {
        super(message);
    }

    /** The bootstrap answered a ping, but no node answered the lookup of the joining node's own id. */
    static JoinFailedException nobodyAnswered(List<Address> bootstrap) {
        return new JoinFailedException("the lookup of the own id reached no node (bootstrap " + bootstrap
                + " answered a ping, then not the lookup)");
    }
}
