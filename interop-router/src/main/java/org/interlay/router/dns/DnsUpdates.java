package org.interlay.router.dns;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Record;

/** RFC 2136 updates of one zone: records added or deleted, each call one UPDATE message, all or nothing. */
public interface DnsUpdates {
    /** Adds {@code records} (adding one that is there already changes nothing). */
    CompletableFuture<Void> add(List<Record> records);

    /** Deletes exactly {@code records} (deleting one that is not there changes nothing). */
    CompletableFuture<Void> delete(List<Record> records);
}
