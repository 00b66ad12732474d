package org.interlay.discovery;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Counts input dropped because it was not a valid advert. The first drop of each kind is logged
 * at info, later ones at debug: a noisy or hostile neighbour cannot flood the log.
 */
public final class RejectedInput {

    private final Logger log;
    private final String channel;
    private final Map<InvalidAdvertException.Problem, AtomicLong> counts =
            new EnumMap<>(InvalidAdvertException.Problem.class);

    /**
     * @param log     where to log drops
     * @param channel what the input arrived on, for the log line ("mDNS", "JGroups")
     */
    public RejectedInput(Logger log, String channel) {
        this.log = log;
        this.channel = channel;
        for (InvalidAdvertException.Problem problem : InvalidAdvertException.Problem.values()) {
            counts.put(problem, new AtomicLong());
        }
    }

    /** Counts and logs one dropped input; {@code from} names the sender or record. */
    public void drop(InvalidAdvertException error, Object from) {
        long count = counts.get(error.problem()).incrementAndGet();
        if (count == 1) {
            log.info("Ignoring {} input from {}: {} (more of this kind are logged at debug)", channel, from, error.getMessage());
        } else {
            log.debug("Ignoring {} input from {}: {} ({} so far)", channel, from, error.getMessage(), count);
        }
    }

    public long count(InvalidAdvertException.Problem problem) {
        return counts.get(problem).get();
    }

    public long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }
}
