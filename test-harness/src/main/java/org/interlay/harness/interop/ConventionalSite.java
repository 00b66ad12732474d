package org.interlay.harness.interop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.interlay.router.dns.DnsUpdateClient;
import org.interlay.router.dns.DnsUpdateTarget;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;

/**
 * A conventional SIP domain and the DNS it lives in, inside a network and mount namespace whose
 * /etc/resolv.conf names 127.0.0.1: named serves the zone {@value #ZONE} (the overlays publish their
 * entry points in it), Kamailio is the registrar and proxy of {@value #DOMAIN} on 127.0.0.1:5060,
 * found through the SRV record {@code _sip._udp.cs.lab} and the A record of {@code sip.cs.lab}.
 */
public final class ConventionalSite implements AutoCloseable {
    public static final String ZONE = "lab";
    public static final String DOMAIN = "cs.lab";
    public static final int SIP_PORT = 5060;
    private final BindServer bind;
    private final KamailioServer kamailio;

    private ConventionalSite(BindServer bind, KamailioServer kamailio) {
        this.bind = bind;
        this.kamailio = kamailio;
    }

    /** Starts named, then Kamailio, in {@code dir}, and publishes Kamailio as the server of cs.lab. */
    public static ConventionalSite start(Path dir) throws IOException, InterruptedException {
        BindServer bind = BindServer.start(dir.resolve("named"), ZONE);
        KamailioServer kamailio = null;
        try {
            kamailio = KamailioServer.start(dir.resolve("kamailio"), DOMAIN, SIP_PORT);
            new DnsUpdateClient(bind.updateTarget()).add(List.of(
                    new SRVRecord(name("_sip._udp." + DOMAIN), DClass.IN, 30, 10, 50, SIP_PORT, name("sip." + DOMAIN)),
                    new ARecord(name("sip." + DOMAIN), DClass.IN, 30, InetAddress.getByName("127.0.0.1")))).get(10, TimeUnit.SECONDS);
            return new ConventionalSite(bind, kamailio);
        } catch (IOException | InterruptedException | RuntimeException | ExecutionException | TimeoutException e) {
            if (kamailio != null) kamailio.close();
            bind.close();
            if (e instanceof IOException io) throw io;
            if (e instanceof InterruptedException ie) throw ie;
            if (e instanceof RuntimeException re) throw re;
            throw new IOException("cs.lab could not be published in DNS: " + e.getMessage(), e);
        }
    }

    private static Name name(String n) throws TextParseException {
        return Name.fromString(n, Name.root);
    }

    public BindServer dns() {
        return bind;
    }

    public KamailioServer kamailio() {
        return kamailio;
    }

    /** Where the overlays' agents and routers send their updates. */
    public DnsUpdateTarget updateTarget() throws IOException {
        return bind.updateTarget();
    }

    /** The DNS server that resolves every domain of the grid. */
    public InetSocketAddress resolver() {
        return bind.address();
    }

    @Override
    public void close() {
        kamailio.close();
        bind.close();
    }
}
