package org.interlay.overlay.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.interlay.overlay.Address;

/**
 * The peers a client may reach its overlay through: those it was given, then any more that its
 * source (discovery) names. It tries them in a random order, so that clients spread over the peers,
 * and does not go back to a peer that stopped answering (until it is given the list again).
 */
final class EntryPeers {
    private final Supplier<List<Address>> more;
    private final Random random;
    private final List<Address> untried = new ArrayList<>();
    private final Set<Address> failed = new LinkedHashSet<>();

    EntryPeers(Supplier<List<Address>> more, Random random) {
        this.more = more;
        this.random = random;
    }

    /** Starts over with {@code given}, in a random order. */
    void offer(List<Address> given) {
        untried.clear();
        failed.clear();
        addShuffled(given);
    }

    /** {@code peer} stopped answering: it is not tried again. */
    void failed(Address peer) {
        failed.add(peer);
        untried.remove(peer);
    }

    /** The next peer to try, if there is one not known to have failed. */
    Optional<Address> next() {
        if (untried.isEmpty()) addShuffled(more.get());
        return untried.isEmpty() ? Optional.empty() : Optional.of(untried.remove(0));
    }

    private void addShuffled(List<Address> peers) {
        List<Address> fresh = new ArrayList<>();
        for (Address a : peers) if (!failed.contains(a) && !untried.contains(a) && !fresh.contains(a)) fresh.add(a);
        Collections.shuffle(fresh, random);
        untried.addAll(fresh);
    }
}
