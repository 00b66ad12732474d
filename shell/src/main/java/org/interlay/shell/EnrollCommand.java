package org.interlay.shell;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.interlay.trust.Aor;
import org.interlay.trust.Authority;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Credentials;
import org.interlay.trust.DigestCredential;
import org.interlay.trust.Fingerprint;
import org.interlay.trust.Passwords;
import org.interlay.trust.PemFiles;
import org.interlay.trust.Pkcs12Files;
import org.interlay.trust.TrustDirectory;
import org.interlay.trust.TrustException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code interlay enroll}: the enrollment authority of a deployment (RFC 6940 §11.3), offline. {@code init}
 * makes it; the other subcommands issue certificates (and keys) for nodes, users, agents and routers into
 * trust directories. Files are PEM, as OpenSSL reads them; none is ever overwritten.
 */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = {"Enrollment: make an authority, then issue certificates for nodes, users, SIP agents and routers.",
                "Example: interlay enroll init --dir ca && interlay enroll user sip:alice@chord.lab --ca ca --out alice"},
        subcommands = {EnrollCommand.Init.class, EnrollCommand.Node.class, EnrollCommand.User.class, EnrollCommand.Agent.class,
                EnrollCommand.RouterRole.class})
public final class EnrollCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code enroll init}: a new authority. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Make a new authority: a key pair and a self-signed CA certificate, ownerOnly to DIR as ca.pem "
                    + "and ca-key.pem (readable by its owner only). Refuses if DIR holds either already.",
                    "Example: interlay enroll init --dir ca --name 'Chord Lab'"})
    static final class Init implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Where the authority's files go (made if missing).")
        Path dir;

        @Option(names = "--name", defaultValue = "Interlay", paramLabel = "NAME",
                description = "The authority's name, in its certificate and as issuer of every other. Default: ${DEFAULT-VALUE}.")
        String name;

        @Option(names = "--days", defaultValue = "3650", paramLabel = "N",
                description = "Days the authority's certificate is valid; no certificate it issues outlives it. Default: ${DEFAULT-VALUE}.")
        int days;

        @Override
        public Integer call() {
            return trustErrorsAsBadInput(() -> {
                Authority a = Authority.create(name, positiveDays(days), InstantSource.system(), new SecureRandom());
                a.save(dir);
                PrintWriter out = spec.commandLine().getOut();
                out.printf("authority \"%s\"%n", a.name());
                describe(out, a.certificate());
                out.printf("wrote %s, %s (readable by its owner only: %s)%n", TrustDirectory.authorityCertificate(dir),
                        TrustDirectory.authorityKey(dir), TrustDirectory.AUTHORITY_KEY);
                out.flush();
            });
        }
    }

    /** Options every issuing subcommand takes. */
    static final class IssueOptions {
        @Option(names = "--ca", required = true, paramLabel = "DIR", description = "The authority's directory (made by enroll init).")
        Path ca;

        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "The trust directory to write (made if missing); refused if a file to write is there already.")
        Path out;

        @Option(names = "--days", defaultValue = "365", paramLabel = "N",
                description = "Days the certificate is valid (at most as long as the authority's). Default: ${DEFAULT-VALUE}.")
        int days;

        @Option(names = "--p12",
                description = "Also write the key and both certificates as one PKCS#12 file, <role>.p12, its random password in <role>-p12-password.")
        boolean p12;

        private static boolean sameAuthority(Path caFile, Authority authority) {
            try {
                return java.nio.file.Files.exists(caFile) && PemFiles.readCertificate(caFile).equals(authority.certificate());
            } catch (org.interlay.trust.TrustException e) {
                return false;
            }
        }

        /** Issues for the identity {@code identityOf} makes (given the authority), writes the directory and says what it wrote. */
        void issue(CommandLine.Model.CommandSpec spec, java.util.function.Function<Authority, CertifiedIdentity> identityOf,
                   List<String> extraFiles, java.util.function.Consumer<List<String>> writeExtras) {
            Duration validity = positiveDays(days);
            Authority authority = Authority.load(ca, InstantSource.system(), new SecureRandom());
            CertifiedIdentity identity = identityOf.apply(authority);
            Credentials c = authority.issue(identity, validity);
            List<Path> files = new ArrayList<>(c.files(out));
            // a directory may hold several roles of one holder (node.pem beside agent.pem) under the same ca.pem
            if (sameAuthority(files.get(0), authority)) files.remove(0);
            extraFiles.forEach(f -> files.add(out.resolve(f)));
            Path p12File = TrustDirectory.pkcs12(out, identity.role());
            Path p12Password = TrustDirectory.pkcs12Password(out, identity.role());
            if (p12) files.addAll(List.of(p12File, p12Password));
            PemFiles.requireAbsent(files);
            c.save(out);
            List<String> ownerOnly = new ArrayList<>();
            writeExtras.accept(ownerOnly);
            if (p12) {
                String password = Passwords.random(new SecureRandom());
                PemFiles.write(p12Password, password + "\n", true);
                Pkcs12Files.write(p12File, c, password.toCharArray());
                ownerOnly.add(p12File.getFileName().toString());
                ownerOnly.add(p12Password.getFileName().toString());
            }
            PrintWriter o = spec.commandLine().getOut();
            o.println(identity);
            describe(o, c.certificate());
            ownerOnly.add(0, TrustDirectory.key(out, identity.role()).getFileName().toString());
            o.println("wrote " + files.stream().map(Path::toString).collect(Collectors.joining(", "))
                    + " (readable by their owner only: " + String.join(", ", ownerOnly) + ")");
            o.flush();
        }
    }

    /** {@code enroll node}: a node certificate with a node-id the authority chooses. */
    @Command(name = "node", mixinStandardHelpOptions = true,
            description = {"Issue a node certificate whose node-id (160 bits) the authority chooses at random, so that a node "
                    + "cannot choose where it sits in the overlay. Writes ca.pem, node.pem and node-key.pem to the --out directory.",
                    "Example: interlay enroll node --ca ca --out n1 --overlay chord"})
    static final class Node implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        IssueOptions options;

        @Option(names = "--overlay", paramLabel = "NAME",
                description = "The one overlay the node may join. Default: any overlay that trusts this authority.")
        String overlay;

        @Override
        public Integer call() {
            return trustErrorsAsBadInput(() -> options.issue(spec, a -> CertifiedIdentity.node(a.newNodeId(), Optional.ofNullable(overlay)),
                    List.of(), ownerOnly -> { }));
        }
    }

    /** {@code enroll user}: a user certificate and a digest password. */
    @Command(name = "user", mixinStandardHelpOptions = true,
            description = {"Issue a user certificate naming the address of record (as a sip: URI subject alternative name), and "
                    + "a SIP digest credential: a random password (file 'password', for the user's phone) and its HA1 values "
                    + "for MD5 and SHA-256 (file 'digest-ha1', for the domain's agent). Writes ca.pem, user.pem, user-key.pem too.",
                    "Example: interlay enroll user sip:alice@chord.lab --ca ca --out alice"})
    static final class User implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        IssueOptions options;

        @Parameters(paramLabel = "AOR", description = "The user's address of record, sip:user@domain.")
        String aor;

        @Override
        public Integer call() {
            return trustErrorsAsBadInput(() -> {
                Aor address = Aor.parse(aor);
                DigestCredential digest = DigestCredential.random(address, new SecureRandom());
                options.issue(spec, a -> CertifiedIdentity.user(address), List.of(TrustDirectory.PASSWORD, TrustDirectory.DIGEST_HA1),
                        ownerOnly -> {
                            PemFiles.write(options.out.resolve(TrustDirectory.PASSWORD), digest.password() + "\n", true);
                            digest.secret().save(options.out.resolve(TrustDirectory.DIGEST_HA1));
                            ownerOnly.add(TrustDirectory.PASSWORD);
                            ownerOnly.add(TrustDirectory.DIGEST_HA1);
                        });
                spec.commandLine().getOut().printf("digest user %s, realm %s%n", digest.username(), digest.realm());
                spec.commandLine().getOut().flush();
            });
        }
    }

    /** {@code enroll agent}: a SIP agent's certificate for a domain. */
    @Command(name = "agent", mixinStandardHelpOptions = true,
            description = {"Issue a certificate for a SIP agent (registrar and proxy) of a domain, named as a DNS subject "
                    + "alternative name. Writes ca.pem, agent.pem and agent-key.pem to the --out directory.",
                    "Example: interlay enroll agent chord.lab --ca ca --out agent-chord"})
    static final class Agent implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        IssueOptions options;

        @Parameters(paramLabel = "DOMAIN", description = "The SIP domain the agent serves, e.g. chord.lab.")
        String domain;

        @Override
        public Integer call() {
            return trustErrorsAsBadInput(() -> options.issue(spec, a -> CertifiedIdentity.agent(domain), List.of(), ownerOnly -> { }));
        }
    }

    /** {@code enroll router}: an interop router's certificate. */
    @Command(name = "router", mixinStandardHelpOptions = true,
            description = {"Issue a certificate for an interop router. Writes ca.pem, router.pem and router-key.pem to the --out directory.",
                    "Example: interlay enroll router --ca ca --out r1 --id r1"})
    static final class RouterRole implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        IssueOptions options;

        @Option(names = "--id", paramLabel = "ID",
                description = "The router's name: letters, digits, '.', '-', '_'. Default: 'router-' and 8 random hex digits.")
        String id;

        @Override
        public Integer call() {
            return trustErrorsAsBadInput(() -> {
                String name = id != null ? id : randomRouterId(new SecureRandom());
                options.issue(spec, a -> CertifiedIdentity.router(name), List.of(), ownerOnly -> { });
            });
        }
    }

    static String randomRouterId(SecureRandom random) {
        byte[] b = new byte[4];
        random.nextBytes(b);
        return "router-" + HexFormat.of().formatHex(b);
    }

    private static void describe(PrintWriter out, X509Certificate cert) {
        out.printf("  serial %s, valid %s .. %s%n", cert.getSerialNumber().toString(16), cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant());
        out.printf("  SHA-256 fingerprint %s%n", Fingerprint.of(cert));
    }

    private static Duration positiveDays(int days) {
        if (days <= 0) throw new IllegalArgumentException("--days must be positive, not " + days);
        return Duration.ofDays(days);
    }

    /** Runs {@code work}; a file or certificate that cannot be used is the user's input gone wrong (exit code 2, one line). */
    private static Integer trustErrorsAsBadInput(Runnable work) {
        try {
            work.run();
            return 0;
        } catch (TrustException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
