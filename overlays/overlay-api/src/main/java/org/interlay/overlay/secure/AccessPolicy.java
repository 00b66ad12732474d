package org.interlay.overlay.secure;

import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.interlay.overlay.Record;
import org.interlay.trust.Aor;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Role;

/**
 * Who may write records of one kind (RFC 6940 §7.3): checked against the identity in the certificate of
 * the record's signer, already verified against the overlay's authority.
 */
@FunctionalInterface
public interface AccessPolicy {
    /** Why {@code signer} may not write {@code record}, or empty when it may. */
    Optional<String> refusal(Record record, CertifiedIdentity signer);

    /**
     * USER-MATCH (RFC 6940 §7.3.1, as its SIP usage applies it): the record names an address of record,
     * read from the record's name by {@code aorOfName}; the signer is that user, or an agent of the
     * address's domain writing for it.
     */
    static AccessPolicy userMatch(Function<String, Optional<Aor>> aorOfName) {
        return (record, signer) -> {
            Optional<Aor> aor = aorOfName.apply(record.name());
            if (aor.isEmpty()) return Optional.of("the name '" + record.name() + "' is no address of record");
            if (signer.role() == Role.USER && signer.aor().equals(aor)) return Optional.empty();
            if (signer.role() == Role.AGENT && signer.name().equals(aor.get().domain())) return Optional.empty();
            return Optional.of(signer + " may not write for " + aor.get());
        };
    }

    /** An agent of the domain {@code domainOfName} reads from the record's name, and nobody else. */
    static AccessPolicy domainAgent(Function<String, Optional<String>> domainOfName) {
        return (record, signer) -> {
            Optional<String> domain = domainOfName.apply(record.name());
            if (domain.isEmpty()) return Optional.of("the name '" + record.name() + "' names no domain");
            if (signer.role() == Role.AGENT && signer.name().equals(domain.get())) return Optional.empty();
            return Optional.of(signer + " is not an agent of " + domain.get());
        };
    }

    /**
     * NODE-MATCH (RFC 6940 §7.3.3): the record describes a node, named {@code prefix} followed by its
     * node-id in hex; only that node may write it.
     */
    static AccessPolicy nodeMatch(String prefix) {
        return (record, signer) -> {
            Optional<byte[]> id = signer.nodeId();
            if (id.isPresent() && record.name().equals(prefix + HexFormat.of().formatHex(id.get()))) return Optional.empty();
            return Optional.of(signer + " is not the node " + record.name() + " describes");
        };
    }

    /** This policy or {@code other}: a writer either lets through may write. */
    default AccessPolicy or(AccessPolicy other) {
        return (record, signer) -> {
            Optional<String> first = refusal(record, signer);
            if (first.isEmpty()) return first;
            return other.refusal(record, signer).map(second -> first.get() + "; " + second);
        };
    }

    /** Any holder of a certificate of one of these roles. */
    static AccessPolicy role(Role first, Role... more) {
        Set<Role> roles = EnumSet.of(first, more);
        return (record, signer) -> roles.contains(signer.role()) ? Optional.empty()
                : Optional.of("only " + roles + " may write " + record.kind() + ", not " + signer);
    }
}
