package org.interlay.router.torture;

/** What RFC 4475 says an element does with one of its messages, as a test can check it. */
enum TortureExpectation {
    /** Well-formed: parsed and answered like any request, never with 400. */
    ANSWERED("parsed and answered (not 400 or 500)"),
    /**
     * Legal in RFC 2543, which RFC 3261 elements should accept for backward compatibility: accepted,
     * or (as here, where the SIP stack keeps no state for an INVITE without Contact) refused at once
     * with a 400 naming the header RFC 3261 requires, never silence.
     */
    RFC2543_FORM("accepted for RFC 2543 compatibility, or 400 naming the missing header"),
    /** Malformed: answered 400, or dropped (and counted). */
    BAD_REQUEST("400, or dropped"),
    /** An unknown SIP version: 505. */
    VERSION_NOT_SUPPORTED("505"),
    /** A response no transaction here waits for: discarded, nothing sent, nothing crashes. */
    DISCARDED_RESPONSE("response matching no transaction: discarded"),
    /** An option in Proxy-Require that nothing here supports: 420 naming it in Unsupported. */
    BAD_EXTENSION("420 with Unsupported"),
    /** A Request-URI scheme not served: 416. */
    UNSUPPORTED_SCHEME("416"),
    /** Header URIs of a scheme a registrar cannot use: refused (400 or 416), nothing stored. */
    REFUSED("refused (400 or 416)");

    private final String rfcSays;

    TortureExpectation(String rfcSays) {
        this.rfcSays = rfcSays;
    }

    String rfcSays() {
        return rfcSays;
    }
}
