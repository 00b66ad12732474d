package org.interlay.router.directory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A directory given by hand (configuration, tests); entries may be added while it is in use. */
public final class StaticDomainDirectory implements DomainDirectory {
    private final Map<String, DomainEntry> entries = new ConcurrentHashMap<>();

    public StaticDomainDirectory(List<DomainEntry> initial) {
        initial.forEach(this::put);
    }

    public void put(DomainEntry entry) {
        entries.put(entry.domain(), entry);
    }

    public void remove(String domain) {
        entries.remove(domain.toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<DomainEntry> find(String domain) {
        return Optional.ofNullable(entries.get(domain.toLowerCase(Locale.ROOT)));
    }
}
