package org.interlay.router.directory;

import java.util.Optional;

/** Which overlay serves a SIP domain, and how to reach it; fed by discovery or configured statically. */
@FunctionalInterface
public interface DomainDirectory {
    /** The overlay serving {@code domain} (compared without case), if one is known. */
    Optional<DomainEntry> find(String domain);
}
