package org.interlay.router.sip;

import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TooManyListenersException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import org.interlay.log.DropLog;
import org.interlay.time.Clock;
import org.interlay.time.WallClock;
import org.interlay.trust.CertifiedIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JAIN-SIP stack listening on one address and port over UDP and TCP (RFC 3261 section 18), with
 * one provider holding both listening points. Several endpoints live in one JVM: each stack gets a
 * unique name, writes no log files (its logging goes to SLF4J) and counts the malformed input it
 * drops. Over TCP a request is answered on the connection it came on; connections are reused, closed
 * when idle and capped in number ({@link TcpConnectionLimits}, enforced by {@link CappedNetworkLayer}).
 * With credentials ({@link SipTls}) it also takes TLS on the next port, from agents and routers of
 * their authority only, and tells whose connection each request came on ({@link #tlsPeerOf}).
 */
public final class SipEndpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipEndpoint.class);
    private static final long DROP_SUMMARY_MILLIS = 10_000;
    private static final AtomicInteger STACKS = new AtomicInteger();
    private static final int UDP_BUFFER_BYTES = 4 * 1024 * 1024;
    private static final int FREE_PORT_ATTEMPTS = 5;
    private static final Object STACK_CREATION = new Object();
    private static final int TLS_PEERS_KEPT = 4_096;
    private static final long TLS_HANDSHAKE_MILLIS = 5_000;
    private static final List<String> TLS_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");

    private final SipEndpointConfig config;
    private final SipListener listener;
    private final String stackName;
    private final SipStack stack;
    private final List<ListeningPoint> listeningPoints;
    private final SipProvider provider;
    private final DropLog malformed;
    private final DropLog tcpEvictions;
    private final InetSocketAddress localAddress;
    private final Thread eventScanner;
    private final TlsPeers tlsPeers;
    private final DropLog tlsRefusals;

    private SipEndpoint(SipEndpointConfig config, SipListener listener, String stackName, SipStack stack,
                        Thread eventScanner, List<ListeningPoint> points, SipProvider provider, DropLog malformed,
                        DropLog tcpEvictions, TlsPeers tlsPeers, DropLog tlsRefusals) {
        this.eventScanner = eventScanner;
        this.tlsPeers = tlsPeers;
        this.tlsRefusals = tlsRefusals;
        this.config = config;
        this.listener = listener;
        this.stackName = stackName;
        this.stack = stack;
        this.listeningPoints = points;
        this.provider = provider;
        this.malformed = malformed;
        this.tcpEvictions = tcpEvictions;
        this.localAddress = new InetSocketAddress(config.bind().getAddress(), points.get(0).getPort());
    }

    /**
     * Creates the stack, binds the UDP socket and the TCP listening socket on the same port, and starts
     * delivering events to {@code listener}. Port 0 asks for a port free for both (the stack cannot be
     * given 0): one is picked, and picked again if it was taken in between. Malformed input and TCP
     * connections closed for room are logged with {@code clock}'s time.
     */
    public static SipEndpoint open(SipEndpointConfig config, SipListener listener, Clock clock) throws SipStartException {
        if (config.bind().getPort() != 0) return openOn(config, config.bind().getPort(), listener, clock);
        SipStartException last = null;
        for (int attempt = 0; attempt < FREE_PORT_ATTEMPTS; attempt++) {
            try {
                return openOn(config, freePort(config.bind().getAddress(), config.tls() != null), listener, clock);
            } catch (SipStartException e) {
                last = e;
            }
        }
        throw last;
    }

    private static SipEndpoint openOn(SipEndpointConfig config, int port, SipListener listener, Clock clock)
            throws SipStartException {
        String stackName = "interlay-" + config.name() + "-" + STACKS.incrementAndGet();
        DropLog malformed = new DropLog(log, "malformed SIP input at " + config.name(), clock, DROP_SUMMARY_MILLIS);
        DropLog tcpEvictions = new DropLog(log, "TCP connections closed for room at " + config.name(), clock,
                DROP_SUMMARY_MILLIS);
        CountingParserFactory.register(stackName, malformed);
        TcpLimitsOfStack tcpLimits = TcpLimitsOfStack.of(config.tcp(), tcpEvictions, clock);
        CappedNetworkLayer.register(stackName, tcpLimits);
        DropLog tlsRefusals = new DropLog(log, "TLS peers refused at " + config.name(), clock, DROP_SUMMARY_MILLIS);
        TlsPeers tlsPeers = new TlsPeers(TLS_PEERS_KEPT);
        if (config.tls() != null) {
            CappedNetworkLayer.registerTls(stackName, TlsContexts.of(config.tls().credentials(),
                    new PeerCertificateCheck(config.tls().credentials().trustStore(), WallClock.system(clock), tlsPeers,
                            tlsRefusals, tcpLimits.idleTimeoutMillis()), new SecureRandom()));
        }
        SipStack stack = null;
        try {
            Thread scanner;
            synchronized (STACK_CREATION) {
                Set<Thread> before = eventScannerThreads();
                stack = new BranchMatchingSipStack(properties(config, stackName));
                Set<Thread> after = eventScannerThreads();
                after.removeAll(before);
                scanner = after.size() == 1 ? after.iterator().next() : null;
            }
            String host = config.bind().getAddress().getHostAddress();
            SipStack started = stack;
            List<ListeningPoint> points = inGroup(new StackThreadGroup("sip-" + stackName, malformed), () -> {
                List<ListeningPoint> made = new ArrayList<>(List.of(
                        started.createListeningPoint(host, port, ListeningPoint.UDP),
                        started.createListeningPoint(host, port, ListeningPoint.TCP)));
                if (config.tls() != null) made.add(started.createListeningPoint(host, port + SipTls.PORT_OFFSET, ListeningPoint.TLS));
                return made;
            });
            SipProvider provider = stack.createSipProvider(points.get(0));
            for (ListeningPoint point : points.subList(1, points.size())) provider.addListeningPoint(point);
            provider.addSipListener(listener);
            inGroup(new StackThreadGroup("sip-" + stackName, malformed), () -> {
                started.start();
                return null;
            });
            SipEndpoint endpoint = new SipEndpoint(config, listener, stackName, stack, scanner, points, provider,
                    malformed, tcpEvictions, tlsPeers, tlsRefusals);
            log.debug("SIP endpoint {} listening on udp and tcp {}{}", config.name(), endpoint.localAddress,
                    config.tls() == null ? "" : ", tls on port " + (port + SipTls.PORT_OFFSET));
            return endpoint;
        } catch (SipException | TooManyListenersException | javax.sip.InvalidArgumentException | RuntimeException e) {
            if (stack != null) stopHalfStarted(stack, config.name());
            CountingParserFactory.unregister(stackName);
            CappedNetworkLayer.unregister(stackName);
            throw new SipStartException("cannot start SIP endpoint " + config.name() + " on udp/tcp"
                    + (config.tls() == null ? " " : " (tls on the next port) ")
                    + config.bind().getAddress().getHostAddress() + ":" + port, e);
        }
    }

    /** A step of starting the stack that may start its transport threads. */
    private interface StackStep<T> {
        T run() throws SipException, javax.sip.InvalidArgumentException;
    }

    /**
     * Runs {@code step} on a thread of {@code group}, so the transport threads it starts belong to it
     * (a thread inherits its creator's group) and their uncaught errors are counted, not printed.
     */
    private static <T> T inGroup(StackThreadGroup group, StackStep<T> step) throws SipException, javax.sip.InvalidArgumentException {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread starter = new Thread(group, () -> {
            try {
                result[0] = step.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, group.getName() + "-start");
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SipException("interrupted while starting the SIP stack", e);
        }
        Throwable t = failure[0];
        if (t instanceof SipException e) throw e;
        if (t instanceof javax.sip.InvalidArgumentException e) throw e;
        if (t instanceof RuntimeException e) throw e;
        if (t instanceof Error e) throw e;
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    /** Stops a stack that failed to start; a failure of its stop must not hide why it did not start. */
    private static void stopHalfStarted(SipStack stack, String name) {
        try {
            stack.stop();
        } catch (RuntimeException e) {
            log.debug("stopping the half-started SIP stack of {}", name, e);
        }
    }

    /**
     * The threads JAIN-SIP names EventScannerThread. Each stack starts one, not a daemon, that its
     * stop() marks stopped but never wakes; the endpoint keeps its own to interrupt it after stopping,
     * or the JVM could not exit.
     */
    private static Set<Thread> eventScannerThreads() {
        Set<Thread> found = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("EventScannerThread")) found.add(t);
        }
        return found;
    }

    /**
     * A port free for UDP that was also free for TCP when probed (the stack binds both later), and with
     * {@code tls} the next port free for TCP too.
     */
    private static int freePort(java.net.InetAddress address, boolean tls) throws SipStartException {
        java.io.IOException last = null;
        for (int attempt = 0; attempt < FREE_PORT_ATTEMPTS; attempt++) {
            try (java.net.DatagramSocket probe = new java.net.DatagramSocket(new InetSocketAddress(address, 0));
                 java.net.ServerSocket tcpProbe = new java.net.ServerSocket();
                 java.net.ServerSocket tlsProbe = new java.net.ServerSocket()) {
                if (tls && probe.getLocalPort() == 65_535) throw new java.io.IOException("no port above 65535 for TLS");
                tcpProbe.bind(new InetSocketAddress(address, probe.getLocalPort()));
                if (tls) tlsProbe.bind(new InetSocketAddress(address, probe.getLocalPort() + SipTls.PORT_OFFSET));
                return probe.getLocalPort();
            } catch (java.io.IOException e) {
                last = e;
            }
        }
        throw new SipStartException("no port free for UDP and TCP" + (tls ? " (and TLS on the next)" : "") + " on "
                + address.getHostAddress(), last);
    }

    private static Properties properties(SipEndpointConfig config, String stackName) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", stackName);
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", CountingParserFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(config.threads()));
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", EndpointProcessorFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(config.maxMessageBytes()));
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "1000000");
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "1000000");
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(UDP_BUFFER_BYTES));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(UDP_BUFFER_BYTES));
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        // TCP (RFC 3261 section 18) on the stack's blocking transport, with the cap and idle timeout of
        // CappedNetworkLayer: connections this endpoint opens are kept for the next request to the same
        // peer, those peers open are kept to answer on and to reach them back; both close when idle.
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", CappedNetworkLayer.class.getName());
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        // Completed transactions linger (Timer J: 32 s for UDP) to absorb retransmissions; let them drop
        // what they no longer need, or thousands of them keep their messages alive in the heap.
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        // Under overload, a datagram that waited in the stack's queue longer than Timer E (500 ms) has
        // been retransmitted already: drop it rather than spend time on it and feed a collapse.
        p.setProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT", "500");
        // "Normal" would turn a transaction's request into bytes when it completes and parse them again when
        // it ends: CPU for every transaction (an encoding and a parse per call at the router) to save memory
        // only where the application keeps ended transactions, which nothing here does.
        p.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "None");
        // Transaction timers on a ScheduledThreadPoolExecutor, which takes a cancelled timer out of its queue,
        // rather than one java.util.Timer, whose queue keeps every cancelled task until its time comes.
        p.setProperty("gov.nist.javax.sip.TIMER_CLASS_NAME", "gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer");
        if (config.tls() != null) {
            // TLS between agents and routers (SipTls): both ends present a certificate; TLS 1.3 or 1.2 with
            // the suites of ECDSA P-256 keys (the stack's default list names RSA suites only).
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Enabled");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3, TLSv1.2");
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(" ", TLS_SUITES));
            p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", Long.toString(TLS_HANDSHAKE_MILLIS));
        }
        return p;
    }

    public SipProvider provider() {
        return provider;
    }

    public SipFactories factories() {
        return SipFactories.get();
    }

    /** The address the stack listens on (with the port it got when 0 was asked for). */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** This endpoint as a SIP URI, {@code sip:host:port}, with the loose-routing flag for Route headers. */
    public SipURI uri() {
        try {
            SipURI uri = factories().addresses().createSipURI(null,
                    localAddress.getAddress().getHostAddress() + ":" + localAddress.getPort());
            uri.setLrParam();
            return uri;
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("an address and port always make a URI", e);
        }
    }

    public String name() {
        return config.name();
    }

    /** Where the endpoint takes TLS connections from agents and routers, if it serves TLS. */
    public Optional<InetSocketAddress> tlsAddress() {
        if (config.tls() == null) return Optional.empty();
        return Optional.of(new InetSocketAddress(localAddress.getAddress(), localAddress.getPort() + SipTls.PORT_OFFSET));
    }

    /**
     * This endpoint's TLS listening point as a SIP URI, {@code sip:host:port;transport=tls;lr}: what a
     * hop to it inside the trust domain names (a {@code sips:} URI would ask for TLS up to the user's
     * phone, which phones here do not speak).
     */
    public Optional<SipURI> tlsUri() {
        return tlsAddress().map(address -> {
            try {
                SipURI uri = factories().addresses().createSipURI(null,
                        address.getAddress().getHostAddress() + ":" + address.getPort());
                uri.setTransportParam("tls");
                uri.setLrParam();
                return uri;
            } catch (java.text.ParseException e) {
                throw new IllegalStateException("an address and port always make a URI", e);
            }
        });
    }

    /**
     * The agent or router that sent {@code request}, as its certificate proved in the TLS handshake of the
     * connection the request came on; empty for a request that came over UDP or TCP.
     */
    public Optional<CertifiedIdentity> tlsPeerOf(Request request) {
        Optional<InetSocketAddress> tls = tlsAddress();
        if (tls.isEmpty() || !(request instanceof SIPMessage message) || message.getRemoteAddress() == null
                || message.getLocalPort() != tls.get().getPort()) {
            return Optional.empty();
        }
        return tlsPeers.identityOf(message.getRemoteAddress(), message.getRemotePort());
    }

    /** TLS peers whose certificates were refused (counted by reason, logged rate-limited). */
    public DropLog tlsRefusals() {
        return tlsRefusals;
    }

    /** Malformed input this endpoint refused or dropped (counted, logged rate-limited). */
    public DropLog malformedInput() {
        return malformed;
    }

    /** TCP connections closed because peers held the most this endpoint keeps (counted, logged rate-limited). */
    public DropLog tcpEvictions() {
        return tcpEvictions;
    }

    /**
     * Stops listening at once (the socket is closed before this returns) and stops the rest of the
     * stack on a background thread: JAIN-SIP sleeps a second in stopping it (after closing its sockets),
     * which deleting the last provider would otherwise spend on the caller's thread. Deleting the
     * listening point first closes the socket without stopping the stack.
     */
    @Override
    public void close() {
        provider.removeSipListener(listener);
        boolean freed = deleteListeningPoint();
        Thread stopper = new Thread(() -> {
            if (!freed && !deleteListeningPoint()) log.warn("the socket of SIP endpoint {} could not be freed", config.name());
            try {
                stack.deleteSipProvider(provider);
            } catch (ObjectInUseException e) {
                log.debug("closing endpoint {}", config.name(), e);
            }
            try {
                stack.stop();
            } catch (RuntimeException e) {
                log.warn("stopping the SIP stack of {} failed", config.name(), e);
            }
            if (eventScanner != null) eventScanner.interrupt();
            CountingParserFactory.unregister(stackName);
            CappedNetworkLayer.unregister(stackName);
        }, "sip-stop-" + config.name());
        stopper.setDaemon(true);
        stopper.start();
    }

    /**
     * Deletes the listening points, which frees the sockets. JAIN-SIP's UDP processor cannot be stopped
     * before its thread has begun (a NullPointerException), so that is tried again for up to a
     * second; false when it still could not be, for the background stop to try again.
     */
    private boolean deleteListeningPoint() {
        for (ListeningPoint point : listeningPoints) {
            if (!deleteListeningPoint(point)) return false;
        }
        return true;
    }

    private boolean deleteListeningPoint(ListeningPoint point) {
        for (int attempt = 0; ; attempt++) {
            try {
                stack.deleteListeningPoint(point);
                return true;
            } catch (ObjectInUseException e) {
                log.debug("closing endpoint {}", config.name(), e);
                return true;
            } catch (NullPointerException notRunningYet) {
                if (attempt >= 100) return false;
                try {
                    java.util.concurrent.TimeUnit.MILLISECONDS.sleep(10);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }
}
