package org.interlay.router.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.interlay.trust.Aor;
import org.interlay.trust.DigestSecret;
import org.interlay.trust.TrustDirectory;
import org.interlay.trust.TrustException;

/**
 * The users of one domain an agent authenticates: each one's {@link DigestSecret} (the HA1 values,
 * never the password). Loaded from a directory holding one enrolled user per subdirectory, as
 * {@code interlay enroll user sip:alice@chord.lab --out users/alice} writes them: the agent reads each
 * subdirectory's {@code digest-ha1} file; users of other domains are skipped. More users may be
 * enrolled while the agent runs ({@link #enroll}: a lab enrols each user the first time it is used);
 * every agent given the same instance knows them at once. Safe to read and enrol from any thread.
 */
public final class DigestUsers {
    private final String realm;
    private final Map<String, DigestSecret> byUser;

    private DigestUsers(String realm, Map<String, DigestSecret> byUser) {
        this.realm = realm;
        this.byUser = new ConcurrentHashMap<>(byUser);
    }

    /** The users among {@code secrets} of {@code domain}; an IllegalArgumentException on a user named twice. */
    public static DigestUsers of(String domain, Collection<DigestSecret> secrets) {
        String realm = domain.toLowerCase(Locale.ROOT);
        Map<String, DigestSecret> users = new HashMap<>();
        for (DigestSecret s : secrets) {
            if (!s.aor().domain().equals(realm)) continue;
            if (users.putIfAbsent(s.aor().user(), s) != null) {
                throw new IllegalArgumentException(s.aor() + " is enrolled twice");
            }
        }
        return new DigestUsers(realm, users);
    }

    /**
     * Reads the users of {@code domain} from {@code dir}: every subdirectory with a {@code digest-ha1}
     * file. A TrustException says which file is wrong, or that there is no user of the domain at all.
     */
    public static DigestUsers load(Path dir, String domain) {
        List<DigestSecret> secrets = read(dir);
        DigestUsers users;
        try {
            users = of(domain, secrets);
        } catch (IllegalArgumentException e) {
            throw new TrustException(dir + ": " + e.getMessage(), e);
        }
        if (users.size() == 0) {
            throw new TrustException(dir + " holds no enrolled user of " + domain + " (expected subdirectories with a "
                    + TrustDirectory.DIGEST_HA1 + " file, as 'interlay enroll user sip:alice@" + domain + " --out "
                    + dir.resolve("alice") + "' writes)");
        }
        return users;
    }

    /** The digest secrets of every user enrolled in {@code dir}, of any domain; a TrustException names a file that is wrong. */
    public static List<DigestSecret> read(Path dir) {
        if (!Files.isDirectory(dir)) throw new TrustException(dir + " is not a directory of enrolled users");
        List<DigestSecret> secrets = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            throw new TrustException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        for (Path entry : entries) {
            Path file = entry.resolve(TrustDirectory.DIGEST_HA1);
            if (Files.isDirectory(entry) && Files.exists(file)) secrets.add(DigestSecret.load(file));
        }
        return secrets;
    }

    /**
     * Enrols one more user of this domain. Returns false, changing nothing, when the user is enrolled
     * already (its secret stays the one it had); an IllegalArgumentException for a user of another domain.
     */
    public boolean enroll(DigestSecret secret) {
        if (!secret.aor().domain().equals(realm)) {
            throw new IllegalArgumentException(secret.aor() + " is not a user of " + realm);
        }
        return byUser.putIfAbsent(secret.aor().user(), secret) == null;
    }

    /** The digest realm: the domain. */
    public String realm() {
        return realm;
    }

    public Optional<DigestSecret> find(String user) {
        return Optional.ofNullable(byUser.get(user));
    }

    public Optional<DigestSecret> find(Aor aor) {
        return aor.domain().equals(realm) ? find(aor.user()) : Optional.empty();
    }

    public int size() {
        return byUser.size();
    }
}
