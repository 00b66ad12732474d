package org.interlay.router.proxy;

import javax.sip.message.Response;

/**
 * Picks the response a forking proxy sends back once every branch has answered (RFC 3261 section
 * 16.7 step 6): a 6xx if there is one, else the lowest class among 3xx to 5xx, the earliest within a
 * class. A 2xx is never held back: the relay sends the first at once.
 */
final class BestResponse {
    private Response best;

    void offer(Response response) {
        if (best == null || rank(response.getStatusCode()) < rank(best.getStatusCode())) best = response;
    }

    /** The chosen response, null when no branch answered. */
    Response chosen() {
        return best;
    }

    private static int rank(int status) {
        if (status >= 600) return 0;
        return status / 100; // 3 beats 4 beats 5
    }
}
