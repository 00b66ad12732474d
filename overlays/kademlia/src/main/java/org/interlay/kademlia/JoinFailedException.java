package org.interlay.kademlia;

import java.util.List;
import org.interlay.overlay.Address;

/** No bootstrap node answered, so there was no one to join through. */
public final class JoinFailedException extends RuntimeException {
    public JoinFailedException(List<Address> bootstrap) {
        super("no bootstrap node answered: " + bootstrap);
    }
}
