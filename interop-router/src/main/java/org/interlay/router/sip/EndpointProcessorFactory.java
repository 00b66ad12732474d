package org.interlay.router.sip;

import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import javax.sip.ListeningPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's blocking transports, with UDP received into one buffer ({@link OneBufferUdpProcessor}).
 * The stock factory also sets the stack's package-private flag that makes UDP go out from the listening
 * socket (without it every datagram is sent from a new socket of its own, on another port, where
 * responses sent back to the source never arrive); it is set here the same way. Where it cannot be (a
 * stack of another make), UDP keeps the stock processor.
 */
public final class EndpointProcessorFactory extends OIOMessageProcessorFactory {
    private static final Logger log = LoggerFactory.getLogger(EndpointProcessorFactory.class);
    private static final Field UDP_FLAG = udpFlag();

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port, String transport)
            throws IOException {
        if (ListeningPoint.UDP.equalsIgnoreCase(transport) && UDP_FLAG != null) {
            try {
                UDP_FLAG.setBoolean(stack, true);
                return new OneBufferUdpProcessor(address, stack, port);
            } catch (IllegalAccessException e) {
                log.debug("UDP keeps the stack's own processor: {}", e.toString());
            }
        }
        return super.createMessageProcessor(stack, address, port, transport);
    }

    private static Field udpFlag() {
        try {
            Field flag = SIPTransactionStack.class.getDeclaredField("udpFlag");
            flag.setAccessible(true);
            return flag.getType() == boolean.class ? flag : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("UDP keeps the stack's own processor: {}", e.toString());
            return null;
        }
    }
}
