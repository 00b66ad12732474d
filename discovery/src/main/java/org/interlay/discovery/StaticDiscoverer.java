package org.interlay.discovery;

import java.util.List;

/** Reports a fixed list of adverts (from a {@link StaticAdvertsFile}) once, when started. */
public final class StaticDiscoverer implements Discoverer {

    private final List<OverlayAdvert> adverts;

    public StaticDiscoverer(List<OverlayAdvert> adverts) {
        this.adverts = List.copyOf(adverts);
    }

    @Override
    public Source source() {
        return Source.STATIC;
    }

    @Override
    public void start(DiscoveryListener listener) {
        SightingLedger ledger = new SightingLedger(Source.STATIC, listener);
        adverts.forEach(ledger::saw);
    }

    /** Static entries stay known after close: they are configuration, not sightings. */
    @Override
    public void close() {
    }
}
