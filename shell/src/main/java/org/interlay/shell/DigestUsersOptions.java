package org.interlay.shell;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.interlay.router.auth.DigestAuthentication;
import org.interlay.router.auth.DigestResponses;
import org.interlay.router.auth.DigestUsers;
import org.interlay.trust.DigestAlgorithm;
import org.interlay.trust.DigestSecret;
import org.interlay.trust.TrustException;
import picocli.CommandLine.Option;

/** {@code --users DIR} and {@code --digest-algorithms}: the enrolled users SIP agents authenticate by digest, and how. */
final class DigestUsersOptions {
    @Option(names = "--users", paramLabel = "DIR",
            description = "Authenticate SIP users with digest (RFC 3261 section 22): DIR holds one subdirectory per user, as "
                    + "'interlay enroll user sip:alice@DOMAIN --ca CA --out DIR/alice' writes it; an agent reads the "
                    + "digest-ha1 file (never the password) of each user of its domain and challenges REGISTER, PUBLISH, "
                    + "SUBSCRIBE, MESSAGE and INVITE from that domain. Without it agents believe whoever claims an address.")
    Path users;

    @Option(names = "--digest-algorithms", paramLabel = "LIST", split = ",",
            description = "The digest algorithms challenges offer, in order of preference (SHA-256, MD5): to the users of "
                    + "--users, and in a secure lab to the users it enrols itself. Default: SHA-256,MD5. Give MD5 alone for "
                    + "phones that refuse a challenge naming SHA-256 instead of skipping it (baresip 1.0).")
    List<String> algorithms;

    boolean given() {
        return users != null;
    }

    /** Whether --digest-algorithms was given (else challenges offer SHA-256, then MD5). */
    boolean algorithmsGiven() {
        return algorithms != null;
    }

    /** The algorithms given, as their SIP names. */
    String algorithmNames() {
        return offered().stream().map(DigestAlgorithm::sipName).collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * How the agents of each of {@code domains} authenticate in a secure lab without --users: no user
     * yet (the lab enrols each user it acts as), challenges offering the algorithms given.
     */
    Map<String, DigestAuthentication> forLabEnrolledUsers(List<String> domains) {
        List<DigestAlgorithm> offered = offered();
        Map<String, DigestAuthentication> out = new HashMap<>();
        for (String domain : domains) out.put(domain, DigestAuthentication.of(DigestUsers.of(domain, List.of())).offering(offered));
        return out;
    }

    /** How the agent of {@code domain} authenticates: empty without --users; an error when DIR has no user of it. */
    Optional<DigestAuthentication> forDomain(String domain) {
        if (users == null) return Optional.empty();
        List<DigestAlgorithm> offered = offered();
        try {
            return Optional.of(DigestAuthentication.of(DigestUsers.load(users, domain)).offering(offered));
        } catch (TrustException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--users: " + e.getMessage(), e);
        }
    }

    /** How the agents of each of {@code domains} that has users in DIR authenticate; empty without --users. */
    Map<String, DigestAuthentication> forDomains(List<String> domains) {
        if (users == null) return Map.of();
        List<DigestAlgorithm> offered = offered();
        Map<String, DigestAuthentication> out = new HashMap<>();
        try {
            List<DigestSecret> secrets = DigestUsers.read(users);
            for (String domain : domains) {
                DigestUsers of = DigestUsers.of(domain, secrets);
                if (of.size() > 0) out.put(domain, DigestAuthentication.of(of).offering(offered));
            }
        } catch (TrustException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--users: " + e.getMessage(), e);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("--users: " + users + " holds no enrolled user of " + String.join(", ", domains));
        return out;
    }

    private List<DigestAlgorithm> offered() {
        if (algorithms == null) return DigestAuthentication.SHA_256_THEN_MD5;
        if (algorithms.stream().distinct().count() != algorithms.size()) {
            throw new IllegalArgumentException("--digest-algorithms names an algorithm twice: " + algorithms);
        }
        return algorithms.stream().map(name -> DigestResponses.algorithm(name.strip()).filter(a -> !name.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("--digest-algorithms: '" + name + "' is not SHA-256 or MD5"))).toList();
    }
}
