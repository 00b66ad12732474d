package org.interlay.router.sip;

import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link BranchSender} on a JAIN-SIP provider; responses and timeouts come back through {@link SipDispatcher}. */
public final class ProviderBranches implements BranchSender {
    private static final Logger log = LoggerFactory.getLogger(ProviderBranches.class);
    private final SipProvider provider;

    public ProviderBranches(SipProvider provider) {
        this.provider = provider;
    }

    @Override
    public ClientBranch start(Request request, BranchListener listener) throws SipTransportException {
        String transport = OutboundTransport.choose(request).transport();
        if (transport.equals("tls")) {
            OutboundTransport.apply(request, provider);
        } else {
            AssertedIdentity.atHop(request, transport);
        }
        try {
            ClientTransaction transaction = provider.getNewClientTransaction(request);
            transaction.setApplicationData(listener);
            transaction.sendRequest();
            return () -> cancel(transaction);
        } catch (SipException | RuntimeException e) {
            throw new SipTransportException("cannot send " + request.getMethod() + " to " + request.getRequestURI(), e);
        }
    }

    private void cancel(ClientTransaction transaction) {
        try {
            provider.getNewClientTransaction(transaction.createCancel()).sendRequest();
        } catch (SipException | RuntimeException e) {
            // the branch ended meanwhile (a final response crossed the CANCEL): nothing is left to cancel
            log.debug("cannot cancel {}: {}", transaction.getRequest().getRequestURI(), e.toString());
        }
    }
}
