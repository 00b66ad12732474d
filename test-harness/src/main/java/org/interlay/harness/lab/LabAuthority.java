package org.interlay.harness.lab;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.interlay.overlay.secure.OverlayTrust;
import org.interlay.router.auth.DigestAuthentication;
import org.interlay.router.auth.DigestUsers;
import org.interlay.router.store.SipRecordPolicies;
import org.interlay.trust.Aor;
import org.interlay.trust.Authority;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Credentials;
import org.interlay.trust.DigestCredential;
import org.interlay.trust.TrustStore;

/**
 * The temporary enrollment authority of a secure lab, held in memory and gone with the lab: it issues
 * a node certificate to every peer and every router's node (the node-id its own choice), an agent
 * certificate of its domain to every SIP agent, a router certificate to every router, and a digest
 * credential (a random password) to each user of a lab domain the first time the shell acts as it,
 * its HA1 values given to that domain's agents at once. Users enrolled beforehand ({@code lab --users
 * DIR}) keep the passwords they were given, which the lab does not know. Safe to use from any thread.
 */
public final class LabAuthority {
    /** How long the lab's certificates last: far beyond any lab's run. */
    static final Duration VALIDITY = Duration.ofDays(30);

    private final Authority authority;
    private final SecureRandom random;
    /** How the agents of each lab domain authenticate; the users in it grow as the lab enrols them. */
    private final Map<String, DigestAuthentication> authentication;
    /** The credentials this authority made for users, by address of record. */
    private final Map<Aor, DigestCredential> made = new ConcurrentHashMap<>();

    private LabAuthority(Authority authority, SecureRandom random, Map<String, DigestAuthentication> authentication) {
        this.authority = authority;
        this.random = random;
        this.authentication = Map.copyOf(authentication);
    }

    /**
     * A new authority for a lab serving {@code domains}; the agents of a domain in {@code enrolled}
     * (users read from a directory) authenticate those users, and those the lab enrols later.
     */
    public static LabAuthority create(List<String> domains, Map<String, DigestAuthentication> enrolled, InstantSource clock,
                                      SecureRandom random) {
        Authority authority = Authority.create("interlay-lab-" + ProcessHandle.current().pid(), VALIDITY, clock, random);
        Map<String, DigestAuthentication> byDomain = new HashMap<>();
        for (String domain : domains) {
            String d = domain.toLowerCase(Locale.ROOT);
            DigestAuthentication given = enrolled.get(domain);
            byDomain.put(d, given != null ? given : DigestAuthentication.of(DigestUsers.of(d, List.of())));
        }
        return new LabAuthority(authority, random, byDomain);
    }

    /** The authority's name (its certificate's common name). */
    public String name() {
        return authority.name();
    }

    /** What accepts the certificates this authority issued. */
    public TrustStore trustStore() {
        return authority.trustStore();
    }

    /** A new node certificate for {@code overlay}, with a node-id chosen here, storing the SIP record kinds. */
    public OverlayTrust node(String overlay) {
        Credentials c = authority.issue(CertifiedIdentity.node(authority.newNodeId(), Optional.of(overlay)), VALIDITY);
        return new OverlayTrust(c.trustStore(), c).withRecords(SipRecordPolicies.TABLE);
    }

    /** A new agent certificate of {@code domain}: for TLS to routers and for signing the records it writes. */
    public Credentials agent(String domain) {
        return authority.issue(CertifiedIdentity.agent(domain), VALIDITY);
    }

    /** A new router certificate: for TLS to agents and for signing bridge records. */
    public Credentials router(String id) {
        return authority.issue(CertifiedIdentity.router(id), VALIDITY);
    }

    /** How the agents of {@code domain} authenticate its users (every agent of a domain shares its users). */
    public DigestAuthentication authentication(String domain) {
        DigestAuthentication a = authentication.get(domain.toLowerCase(Locale.ROOT));
        if (a == null) throw new IllegalArgumentException(domain + " is not a domain of the lab");
        return a;
    }

    /**
     * The password of {@code aor}, made (and its HA1 given to the domain's agents) the first time it
     * is asked for; the same one after. Empty for a user of a domain the lab does not serve. An
     * IllegalArgumentException for a user enrolled from a directory, whose password the lab never saw.
     */
    public Optional<String> password(Aor aor) {
        DigestAuthentication a = authentication.get(aor.domain());
        if (a == null) return Optional.empty();
        DigestCredential c = made.computeIfAbsent(aor, user -> {
            DigestCredential fresh = DigestCredential.random(user, random);
            if (!a.users().enroll(fresh.secret())) {
                throw new IllegalArgumentException(user + " was enrolled with a password of its own (lab --users): "
                        + "give it with 'as " + user + " --password-file F'");
            }
            return fresh;
        });
        return Optional.of(c.password());
    }

    /** How many users this authority has enrolled (not counting those read from a directory). */
    public int usersMade() {
        return made.size();
    }
}
