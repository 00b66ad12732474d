package org.interlay.router.ua;

/** A SUBSCRIBE got a final response other than 2xx. */
public final class SubscriptionRefusedException extends Exception {
    private final SipOutcome outcome;

    public SubscriptionRefusedException(String presentity, SipOutcome outcome) {
        super("subscription to " + presentity + " refused: " + outcome);
        this.outcome = outcome;
    }

    public SipOutcome outcome() {
        return outcome;
    }
}
