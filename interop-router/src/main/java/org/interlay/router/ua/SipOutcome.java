package org.interlay.router.ua;

/** The final response a request got: its status code and reason phrase. */
public record SipOutcome(int status, String reason) {
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return status + " " + reason;
    }
}
