package org.interlay.router.sip;

import gov.nist.core.ThreadAuditor;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.LinkedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's UDP processor, except that every datagram is received into one buffer and queued as a copy
 * of its own length. The stock processor makes a new buffer of the largest message size for each datagram
 * (16 KiB here, zeroed each time, for messages of a few hundred bytes): a third of everything the router
 * allocated under calls. The handling threads are the stock ones, reading the same queue; datagrams
 * longer than the largest message size are cut as before. A stack that is not one of ours (its handling
 * threads cannot be counted) keeps the stock loop.
 */
final class OneBufferUdpProcessor extends UDPMessageProcessor {
    private static final Logger log = LoggerFactory.getLogger(OneBufferUdpProcessor.class);
    /** Receive errors logged in a row before the rest are only counted, as the stock loop does. */
    private static final int ERRORS_LOGGED_IN_A_ROW = 10;

    private final int bufferBytes;
    private long receiveErrors;

    OneBufferUdpProcessor(InetAddress address, SIPTransactionStack stack, int port) throws IOException {
        super(address, stack, port);
        int max = stack.getMaxMessageSize();
        this.bufferBytes = max > 0 && max < SipStackImpl.MAX_DATAGRAM_SIZE ? max : SipStackImpl.MAX_DATAGRAM_SIZE;
    }

    @Override
    public void run() {
        if (!(sipStack instanceof BranchMatchingSipStack ours) || ours.messageThreads() < 1) {
            super.run();
            return;
        }
        LinkedList<UDPMessageChannel> channels = new LinkedList<>();
        for (int i = 0; i < ours.messageThreads(); i++) {
            channels.add(new HandlingThread(sipStack, this, ours.getStackName() + "-UDPMessageChannelThread-" + i));
        }
        messageChannels = channels; // the stock stop() closes them
        ThreadAuditor auditor = sipStack.getThreadAuditor();
        ThreadAuditor.ThreadHandle handle = auditor == null ? null : auditor.addCurrentThread();
        byte[] buffer = new byte[bufferBytes];
        int errorsInARow = 0;
        while (isRunning) {
            try {
                if (handle != null) handle.ping();
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                sock.receive(packet);
                byte[] datagram = Arrays.copyOf(buffer, packet.getLength());
                // the stack's handling threads age queued datagrams against the system clock (its
                // congestion control drops those older than CONGESTION_CONTROL_TIMEOUT), so the
                // stamp is that clock's, not the router's injected one
                messageQueue.offer(new DatagramQueuedMessageDispatch(
                        new DatagramPacket(datagram, datagram.length, packet.getAddress(), packet.getPort()),
                        System.currentTimeMillis()));
                errorsInARow = 0;
            } catch (SocketTimeoutException auditorTick) {
                // the socket times out only so that the thread auditor hears from this thread
            } catch (IOException | RuntimeException e) {
                if (!isRunning) return; // the socket was closed to stop
                receiveErrors++;
                if (++errorsInARow <= ERRORS_LOGGED_IN_A_ROW) {
                    log.warn("receiving on UDP {}:{} failed ({} so far): {}", getIpAddress().getHostAddress(), getPort(),
                            receiveErrors, e.toString());
                }
            }
        }
    }

    /** One of the stock threads that take datagrams off the processor's queue and handle them. */
    private static final class HandlingThread extends UDPMessageChannel {
        HandlingThread(SIPTransactionStack stack, UDPMessageProcessor processor, String name) {
            super(stack, processor, name);
        }
    }
}
