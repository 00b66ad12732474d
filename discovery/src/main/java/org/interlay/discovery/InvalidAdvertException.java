package org.interlay.discovery;

/**
 * Input from the network (or a static file) that is not a valid Interlay advert.
 * It is the sender's fault: callers count it, log it once and drop it.
 */
public final class InvalidAdvertException extends Exception {

    /** What was wrong, coarse enough to count. */
    public enum Problem {
        /** The TXT record bytes are not a sequence of length-prefixed strings of UTF-8. */
        MALFORMED_TXT,
        /** A required key is absent (a foreign service of the same type looks like this). */
        MISSING_KEY,
        /** A value is present but not in the expected syntax. */
        BAD_VALUE,
        /** A host:port entry is not a host name or IPv4 address and a port in 1..65535. */
        BAD_HOST_PORT,
        /** The {@code algo} value is not an algorithm name (see {@link Algorithm}); an algorithm not installed here is fine. */
        BAD_ALGORITHM,
        /** The {@code v} value is a format version this code does not read. */
        UNSUPPORTED_VERSION,
        /** The DNS-SD instance name does not match the overlay name and node suffix. */
        BAD_INSTANCE_NAME,
        /** A group message that is not an Interlay beacon, or a truncated one. */
        MALFORMED_BEACON
    }

    private final Problem problem;
    private final String detail;

    public InvalidAdvertException(Problem problem, String detail) {
        super(problem + ": " + detail);
        this.problem = problem;
        this.detail = detail;
    }

    /** What exactly was wrong, without the problem's name. */
    public String detail() {
        return detail;
    }

    public Problem problem() {
        return problem;
    }
}
