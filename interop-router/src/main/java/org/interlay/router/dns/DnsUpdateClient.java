package org.interlay.router.dns;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Update;

/**
 * {@link DnsUpdates} sent to a real DNS server with dnsjava: one UPDATE message per call, signed
 * with the target's TSIG key, whose answer must be NOERROR (anything else fails the future with
 * the server's code, e.g. NOTAUTH for a key the zone does not accept, REFUSED, NOTZONE).
 */
public final class DnsUpdateClient implements DnsUpdates {
    public static final Duration TIMEOUT = Duration.ofSeconds(3);

    static {
        // dnsjava closes its I/O thread from a shutdown hook of its own, which would race the withdrawal
        // that our processes send from theirs; the thread is a daemon and goes with the JVM anyway
        if (System.getProperty("dnsjava.nio.register_shutdown_hook") == null) {
            System.setProperty("dnsjava.nio.register_shutdown_hook", "false");
        }
    }

    private final DnsUpdateTarget target;
    private final SimpleResolver resolver;

    public DnsUpdateClient(DnsUpdateTarget target) {
        this.target = target;
        this.resolver = new SimpleResolver(target.server());
        resolver.setTSIGKey(target.key().tsig());
        resolver.setTimeout(TIMEOUT);
    }

    @Override
    public CompletableFuture<Void> add(List<Record> records) {
        Update update = new Update(target.zone());
        records.forEach(update::add);
        return send(update, "adding", records);
    }

    @Override
    public CompletableFuture<Void> delete(List<Record> records) {
        Update update = new Update(target.zone());
        records.forEach(update::delete);
        return send(update, "deleting", records);
    }

    private CompletableFuture<Void> send(Update update, String what, List<Record> records) {
        return resolver.sendAsync(update).toCompletableFuture().thenApply((Message answer) -> {
            int rcode = answer.getRcode();
            if (rcode != Rcode.NOERROR) {
                throw new DnsUpdateException(what + " " + records.size() + " record(s) in " + target.zone() + " at "
                        + target.server().getAddress().getHostAddress() + ":" + target.server().getPort() + ": " + Rcode.string(rcode));
            }
            return null;
        });
    }

    @Override
    public String toString() {
        return "DNS updates of " + target.zone() + " at " + target.server().getAddress().getHostAddress() + ":" + target.server().getPort();
    }
}
