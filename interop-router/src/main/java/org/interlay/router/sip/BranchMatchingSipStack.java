package org.interlay.router.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.ServerResponseInterface;
import java.util.Properties;
import javax.sip.PeerUnavailableException;

/**
 * The reference stack, except that a response whose top Via carries an RFC 3261 branch (magic cookie
 * {@code z9hG4bK}) and matches no client transaction by its key is handed on at once as a response
 * without a transaction.
 * <p>
 * The reference stack looks such a response up by its key (the branch, plus the method for CANCEL,
 * RFC 3261 section 17.1.3) and, when that finds nothing, compares it with every client transaction it
 * holds, a scan kept for RFC 2543 peers whose branches are not unique. For a response with an RFC 3261
 * branch the scan cannot find anything the key did not (a transaction matches it only by an equal
 * branch and method, which is an equal key), but it costs a comparison per transaction held: with
 * calls at 2,000/s the stack holds some ten thousand (completed ones wait out Timer K), and every
 * stray response (a callee's 2xx retransmitted after the INVITE transaction ended, a response to a
 * request relayed without state) cost a walk over all of them, more as load grew: this was most of the
 * router's CPU when calls collapsed. Responses with an RFC 2543 branch, and every response while
 * message valves are installed, take the reference path unchanged.
 */
public final class BranchMatchingSipStack extends SipStackImpl {
    private static final String MAGIC_COOKIE = "z9hg4bk";

    public BranchMatchingSipStack(Properties properties) throws PeerUnavailableException {
        super(properties);
    }

    /** How many threads handle the messages UDP receives (the stack's thread pool size). */
    int messageThreads() {
        return threadPoolSize;
    }

    @Override
    public ServerResponseInterface newSIPServerResponse(SIPResponse response, MessageChannel channel) {
        if (sipMessageValves.isEmpty()) {
            String key = response.getTransactionId();
            if (key.startsWith(MAGIC_COOKIE) && findTransaction(key, false) == null) {
                return sipMessageFactory.newSIPServerResponse(response, channel);
            }
        }
        return super.newSIPServerResponse(response, channel);
    }
}
