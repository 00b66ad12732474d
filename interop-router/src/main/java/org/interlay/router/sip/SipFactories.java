package org.interlay.router.sip;

import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/** The JAIN-SIP factories for messages, headers and addresses; stateless, so one set serves every stack. */
public record SipFactories(MessageFactory messages, HeaderFactory headers, AddressFactory addresses) {
    private static final SipFactories INSTANCE = create();

    public static SipFactories get() {
        return INSTANCE;
    }

    /** The JAIN-SIP reference implementation's factory, set to the NIST path once for the whole JVM. */
    static SipFactory sipFactory() {
        SipFactory factory = SipFactory.getInstance();
        synchronized (factory) {
            factory.setPathName("gov.nist");
        }
        return factory;
    }

    private static SipFactories create() {
        try {
            SipFactory factory = sipFactory();
            return new SipFactories(factory.createMessageFactory(), factory.createHeaderFactory(),
                    factory.createAddressFactory());
        } catch (PeerUnavailableException e) {
            throw new IllegalStateException("the JAIN-SIP reference implementation is not on the class path", e);
        }
    }
}
